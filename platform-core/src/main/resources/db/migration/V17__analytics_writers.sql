-- Each gateway's analytics writer numbers its batches and records, in the transaction that stores a batch, the number
-- of the last one stored. When the database's answer to a commit is lost (the connection breaks after the commit), the
-- writer keeps the batch and, on its next attempt, reads its row under a lock: if the batch is already there it is not
-- stored twice. One row per gateway process; rows of writers gone for a week are deleted with the analytics retention.
create table analytics_writer (
    writer_id   varchar(36)   not null primary key,
    last_batch  bigint        not null,
    written_at  timestamp with time zone not null
);
