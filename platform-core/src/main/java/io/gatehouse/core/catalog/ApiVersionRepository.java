package io.gatehouse.core.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ApiVersionRepository extends JpaRepository<ApiVersion, Long> {

    List<ApiVersion> findByApiIdOrderByImportedAtDesc(Long apiId);

    /** A version as a list shows it, without its document and model. */
    interface Summary {

        Long getId();

        String getVersionLabel();

        String getSpecVersion();

        Instant getImportedAt();
    }

    @Query("""
            select v.id as id, v.versionLabel as versionLabel, v.specVersion as specVersion, v.importedAt as importedAt
            from ApiVersion v where v.api.id = :apiId order by v.importedAt desc, v.id desc""")
    List<Summary> findSummariesByApiId(@Param("apiId") long apiId);

    /** The catalog model (JSON) alone; empty when the version has none. */
    @Query("select v.model from ApiVersion v where v.id = :id")
    Optional<String> findModelById(@Param("id") long id);

    /** The original document of a version and what names it. */
    interface OriginalDocument {

        String getTitle();

        String getVersionLabel();

        String getDocumentFormat();

        String getDocument();
    }

    @Query("""
            select v.title as title, v.versionLabel as versionLabel, v.documentFormat as documentFormat,
                   v.document as document
            from ApiVersion v where v.id = :id and v.api.id = :apiId""")
    Optional<OriginalDocument> findDocument(@Param("apiId") long apiId, @Param("id") long id);
}
