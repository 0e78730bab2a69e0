package io.gatehouse.portal.catalog;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import io.gatehouse.core.catalog.Api;
import io.gatehouse.core.catalog.ApiLifecycle;
import io.gatehouse.core.catalog.ApiRepository;
import io.gatehouse.core.catalog.ApiVersionRepository;
import io.gatehouse.core.plan.Plan;
import io.gatehouse.core.plan.PlanRepository;
import io.gatehouse.core.plan.PlanTerms;
import io.gatehouse.importer.ImportedOperation;
import io.gatehouse.importer.SchemaNode;

/**
 * What consumers read of the catalog: published and deprecated Apis only (anything else is "not found"), their
 * current version's catalog model, versions, offered plans and original documents. Read-only.
 */
@Service
class PortalCatalog {

    static final Set<ApiLifecycle> LISTED = EnumSet.of(ApiLifecycle.PUBLISHED, ApiLifecycle.DEPRECATED);
    static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_TERMS = 8;
    static final int SHOWN_TAGS = 6;

    private final ApiRepository apis;
    private final ApiVersionRepository versions;
    private final PlanRepository plans;
    private final CatalogModels models;

    PortalCatalog(ApiRepository apis, ApiVersionRepository versions, PlanRepository plans, CatalogModels models) {
        this.apis = apis;
        this.versions = versions;
        this.plans = plans;
        this.models = models;
    }

    /** One line of the catalog list. */
    record ApiRow(long id, String name, String summary, String versionLabel, List<String> tags, String contextPath,
            boolean deprecated, Instant sunsetAt) {

        public List<String> shownTags() {
            return tags.size() <= SHOWN_TAGS ? tags : tags.subList(0, SHOWN_TAGS);
        }

        public int moreTags() {
            return Math.max(0, tags.size() - SHOWN_TAGS);
        }
    }

    /**
     * @param apis the listed Apis that match
     * @param tags every tag of every listed Api, for the filter
     * @param listed how many Apis are listed in all
     */
    record Results(List<ApiRow> apis, List<String> tags, int listed) {
    }

    /** The current version of a listed Api, as every catalog page heads it. */
    record ApiHeader(long id, String name, String title, String versionLabel, String specVersion, String description,
            String contextPath, boolean deprecated, Instant deprecatedAt, Instant sunsetAt, long versionId) {
    }

    record VersionRow(long id, String label, String specVersion, Instant importedAt, boolean current) {
    }

    record PlanRow(long id, String name, String description, String rateLimit, String quota, String approval) {
    }

    /** @param model null when the current version was imported before catalog models were kept */
    record Overview(ApiHeader api, ApiModel model, List<VersionRow> versions, List<PlanRow> plans) {
    }

    record ParameterRow(String name, String in, boolean required, boolean deprecated, String type, String description,
            String example, List<String> enumValues) {
    }

    /** One media type of a request or response body, with its schema expanded for display (null without one). */
    record ContentView(String contentType, SchemaRow schema, List<ImportedOperation.NamedExample> examples) {
    }

    record RequestBodyView(String description, boolean required, List<ContentView> content) {
    }

    record ResponseView(String code, String description, List<ContentView> content) {
    }

    /** @param webhook whether this is a webhook (the API calls the consumer) rather than an operation */
    record OperationPage(ApiHeader api, ApiModel.Entry entry, boolean webhook, List<ParameterRow> parameters,
            RequestBodyView requestBody, List<ResponseView> responses) {

        public ImportedOperation operation() {
            return entry.operation();
        }
    }

    record SchemaPage(ApiHeader api, String name, SchemaRow schema) {
    }

    /** An original document as a download. */
    record Download(String fileName, String format, String text) {
    }

    Results search(String query, String tag) {
        Set<Long> matching = null;
        for (String term : terms(query)) {
            Set<Long> ids = new HashSet<>(apis.findIdsMatching(LISTED, likePattern(term)));
            if (matching == null) {
                matching = ids;
            } else {
                matching.retainAll(ids);
            }
        }
        String wantedTag = tag == null || tag.isBlank() ? null : tag.strip();
        List<ApiRow> rows = new ArrayList<>();
        Set<String> allTags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<ApiRepository.Listing> listed = apis.findListings(LISTED);
        for (ApiRepository.Listing api : listed) {
            CatalogModels.Card card = models.card(api.getVersionId(), api.getDescription());
            allTags.addAll(card.tags());
            if (matching != null && !matching.contains(api.getId())) {
                continue;
            }
            if (wantedTag != null && card.tags().stream().noneMatch(wantedTag::equalsIgnoreCase)) {
                continue;
            }
            rows.add(new ApiRow(api.getId(), api.getName(), card.summary(), api.getVersionLabel(), card.tags(),
                    api.getContextPath(), api.getLifecycle() == ApiLifecycle.DEPRECATED, api.getSunsetAt()));
        }
        return new Results(rows, List.copyOf(allTags), listed.size());
    }

    /** The words of a query, each of which a match must contain somewhere. */
    static List<String> terms(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String bounded = query.length() > MAX_QUERY_LENGTH ? query.substring(0, MAX_QUERY_LENGTH) : query;
        Set<String> terms = new LinkedHashSet<>(List.of(bounded.toLowerCase(Locale.ROOT).strip().split("\\s+")));
        return terms.stream().limit(MAX_TERMS).toList();
    }

    /** A LIKE pattern matching {@code term} anywhere, with its wildcards escaped by '!'. */
    static String likePattern(String term) {
        return "%" + term.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    Optional<Overview> overview(long id) {
        return header(id).map(api -> {
            List<VersionRow> versionRows = versions.findSummariesByApiId(id).stream()
                    .map(v -> new VersionRow(v.getId(), v.getVersionLabel(), v.getSpecVersion(),
                            v.getImportedAt(), v.getId() == api.versionId()))
                    .toList();
            List<PlanRow> planRows = plans.findByApiIdAndOfferedTrueOrderByNameAsc(id).stream()
                    .map(PortalCatalog::planRow)
                    .toList();
            return new Overview(api, models.of(api.versionId()).orElse(null), versionRows, planRows);
        });
    }

    Optional<OperationPage> operation(long id, String key) {
        return page(id, key, false);
    }

    Optional<OperationPage> webhook(long id, String key) {
        return page(id, key, true);
    }

    private Optional<OperationPage> page(long id, String key, boolean webhook) {
        return header(id).flatMap(api -> models.of(api.versionId()).flatMap(model ->
                (webhook ? model.webhook(key) : model.operation(key)).map(entry -> {
                    ImportedOperation operation = entry.operation();
                    List<ParameterRow> parameters = operation.parameters().stream()
                            .map(parameter -> parameterRow(parameter, model))
                            .toList();
                    ImportedOperation.RequestBodyInfo body = operation.requestBody();
                    RequestBodyView requestBody = body == null ? null : new RequestBodyView(body.description(),
                            body.required(), content(body.content(), model));
                    List<ResponseView> responses = operation.responses().stream()
                            .map(response -> new ResponseView(response.code(), response.description(),
                                    content(response.content(), model)))
                            .toList();
                    return new OperationPage(api, entry, webhook, parameters, requestBody, responses);
                })));
    }

    /** The header the gateway reads keys from for this Api, as its document's apiKey security scheme names it. */
    Optional<String> apiKeyHeader(long id) {
        return apis.findById(id).map(Api::getApiKeyHeader);
    }

    Optional<SchemaPage> schema(long id, String name) {
        return header(id).flatMap(api -> models.of(api.versionId())
                .filter(model -> model.api().schemas().containsKey(name))
                .map(model -> new SchemaPage(api, name,
                        SchemaTree.of(SchemaNode.reference(name), model.api().schemas()))));
    }

    /** The original document of the current version, or of {@code versionId} when given. */
    Optional<Download> document(long id, Long versionId) {
        return header(id).flatMap(api -> versions.findDocument(id, versionId == null ? api.versionId() : versionId))
                .map(document -> new Download(fileName(document.getTitle(), document.getVersionLabel(),
                        document.getDocumentFormat()), document.getDocumentFormat(), document.getDocument()));
    }

    private Optional<ApiHeader> header(long id) {
        return apis.findListing(id, LISTED).map(api -> new ApiHeader(api.getId(), api.getName(), api.getTitle(),
                api.getVersionLabel(), api.getSpecVersion(), api.getDescription(), api.getContextPath(),
                api.getLifecycle() == ApiLifecycle.DEPRECATED, api.getDeprecatedAt(), api.getSunsetAt(),
                api.getVersionId()));
    }

    private static ParameterRow parameterRow(ImportedOperation.ParameterInfo parameter, ApiModel model) {
        SchemaNode schema = parameter.schema();
        SchemaNode resolved = schema != null && schema.isReference() ? model.api().schemas().get(schema.ref()) : schema;
        List<String> enumValues = resolved == null ? List.of()
                : resolved.items() != null ? resolved.items().enumValues() : resolved.enumValues();
        String example = parameter.example() != null ? parameter.example() : resolved == null ? null : resolved.example();
        String description = parameter.description() != null || resolved == null ? parameter.description()
                : resolved.description();
        return new ParameterRow(parameter.name(), parameter.in(), parameter.required(), parameter.deprecated(),
                schema == null ? "" : SchemaTree.unwrapped(schema).label(), description, example, enumValues);
    }

    private static List<ContentView> content(List<ImportedOperation.ContentInfo> content, ApiModel model) {
        return content.stream()
                .map(media -> new ContentView(media.contentType(),
                        media.schema() == null ? null : SchemaTree.of(media.schema(), model.api().schemas()),
                        media.examples()))
                .toList();
    }

    private static PlanRow planRow(Plan plan) {
        PlanTerms terms = plan.terms();
        String rate = terms.rateLimit() == null ? "No rate limit"
                : String.format(Locale.ROOT, "%,d requests per %s", terms.rateLimit().requests(),
                        terms.rateLimit().period().name().toLowerCase(Locale.ROOT))
                        + (terms.rateLimit().burst() > terms.rateLimit().requests()
                                ? String.format(Locale.ROOT, ", bursts of up to %,d", terms.rateLimit().burst()) : "");
        String quota = terms.quota() == null ? "No quota"
                : String.format(Locale.ROOT, "%,d requests per %s", terms.quota().limit(),
                        terms.quota().period().name().toLowerCase(Locale.ROOT));
        String approval = switch (terms.approvalMode()) {
            case AUTOMATIC -> "Automatic: subscriptions are approved at once";
            case MANUAL -> "Manual: the API team reviews each subscription";
        };
        return new PlanRow(plan.getId(), terms.name(), terms.description(), rate, quota, approval);
    }

    /** "Swagger Petstore" 1.0.0 in YAML: swagger-petstore-1.0.0.yaml. */
    static String fileName(String title, String version, String format) {
        String base = slug(title);
        String suffix = slug(version);
        String name = (base.isEmpty() ? "openapi" : base) + (suffix.isEmpty() ? "" : "-" + suffix);
        return name + ("JSON".equalsIgnoreCase(format) ? ".json" : ".yaml");
    }

    private static String slug(String text) {
        if (text == null) {
            return "";
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        return slug.length() > 80 ? slug.substring(0, 80).replaceAll("[-.]+$", "") : slug;
    }
}
