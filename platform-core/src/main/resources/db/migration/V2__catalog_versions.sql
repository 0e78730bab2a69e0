-- Catalog, version 2: each imported version keeps its catalog model (JSON, what the portal renders) and a
-- lower-case search text; Apis record when they were deprecated and when they go away; an import waits as a
-- draft between its preview and its confirmation, so the admin UI needs no server-side session state for it.

alter table api_version add column model text;
alter table api_version add column search_text text;

alter table api add column deprecated_at timestamp with time zone;
alter table api add column sunset_at timestamp with time zone;

create table import_draft (
    id          varchar(36)   primary key,
    created_by  varchar(320)  not null,
    created_at  timestamp with time zone not null,
    source      varchar(2000) not null,
    document    text          not null
);
create index ix_import_draft_created_at on import_draft (created_at);
