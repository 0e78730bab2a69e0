package io.gatehouse.portal.catalog;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.gatehouse.core.catalog.ApiVersionRepository;
import io.gatehouse.importer.CatalogModelJson;
import io.gatehouse.web.Markdown;

/**
 * Parsed catalog models by ApiVersion id. A version never changes once imported, so entries never go stale; a
 * re-import makes a new version with a new id. Parsing the model of a big API (Stripe: 468 operations) takes long
 * enough to matter on every page view, so models are kept, bounded by the size of their JSON. The catalog list
 * needs only a card per version (its tags and a one-line summary), kept apart and small.
 */
@Component
class CatalogModels {

    /**
     * About 32 million characters of model JSON: a handful of Stripe-sized APIs or hundreds of ordinary ones. A
     * parsed model takes a few times its JSON size in memory.
     */
    static final long MAX_WEIGHT = 32L * 1024 * 1024;

    static final int MAX_CARDS = 10_000;
    static final int SUMMARY_LENGTH = 200;
    static final int OPERATION_SUMMARY_LENGTH = 100;

    /** What the catalog list shows of a version beyond its columns. */
    record Card(List<String> tags, String summary) {
    }

    private static final Logger log = LoggerFactory.getLogger(CatalogModels.class);

    private final ApiVersionRepository versions;
    private final Markdown markdown;
    private final Cache<Long, Optional<ApiModel>> models = Caffeine.newBuilder()
            .maximumWeight(MAX_WEIGHT)
            .weigher((Long id, Optional<ApiModel> model) -> model.map(ApiModel::weight).orElse(1))
            .build();
    private final Cache<Long, Card> cards = Caffeine.newBuilder().maximumSize(MAX_CARDS).build();

    CatalogModels(ApiVersionRepository versions, Markdown markdown) {
        this.versions = versions;
        this.markdown = markdown;
    }

    /** The card of a version whose description is {@code description}. */
    Card card(long versionId, String description) {
        return cards.get(versionId, id -> new Card(of(id).map(ApiModel::tags).orElse(List.of()),
                markdown.summary(description, SUMMARY_LENGTH)));
    }

    /** The model of a version; empty for a version imported before models were kept. */
    Optional<ApiModel> of(long versionId) {
        return models.get(versionId, this::load);
    }

    private Optional<ApiModel> load(long versionId) {
        return versions.findModelById(versionId).flatMap(json -> {
            try {
                return Optional.of(new ApiModel(CatalogModelJson.read(json), json.length(),
                        description -> markdown.summary(description, OPERATION_SUMMARY_LENGTH)));
            } catch (IllegalArgumentException unreadable) {
                // A model this version of the portal cannot read: show the API without it rather than fail the page.
                log.warn("The catalog model of API version {} is not readable: {}", versionId, unreadable.getMessage());
                return Optional.empty();
            }
        });
    }
}
