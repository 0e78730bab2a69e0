package io.gatehouse.core.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ApiRepository extends JpaRepository<Api, Long> {

    Optional<Api> findByContextPath(String contextPath);

    List<Api> findByLifecycleInOrderByNameAsc(Collection<ApiLifecycle> lifecycles);

    long countByLifecycle(ApiLifecycle lifecycle);

    /** An Api with what a catalog shows of its current version, read without the (possibly large) document and model. */
    interface Listing {

        Long getId();

        String getName();

        String getContextPath();

        ApiLifecycle getLifecycle();

        Instant getDeprecatedAt();

        Instant getSunsetAt();

        Long getVersionId();

        String getVersionLabel();

        String getSpecVersion();

        String getTitle();

        String getDescription();
    }

    @Query("""
            select a.id as id, a.name as name, a.contextPath as contextPath, a.lifecycle as lifecycle,
                   a.deprecatedAt as deprecatedAt, a.sunsetAt as sunsetAt, v.id as versionId,
                   v.versionLabel as versionLabel, v.specVersion as specVersion, v.title as title,
                   v.description as description
            from Api a join a.currentVersion v
            where a.lifecycle in :lifecycles
            order by lower(a.name), a.id""")
    List<Listing> findListings(@Param("lifecycles") Collection<ApiLifecycle> lifecycles);

    @Query("""
            select a.id as id, a.name as name, a.contextPath as contextPath, a.lifecycle as lifecycle,
                   a.deprecatedAt as deprecatedAt, a.sunsetAt as sunsetAt, v.id as versionId,
                   v.versionLabel as versionLabel, v.specVersion as specVersion, v.title as title,
                   v.description as description
            from Api a join a.currentVersion v
            where a.id = :id and a.lifecycle in :lifecycles""")
    Optional<Listing> findListing(@Param("id") long id, @Param("lifecycles") Collection<ApiLifecycle> lifecycles);

    /**
     * Ids of the Apis in {@code lifecycles} whose name or current version's search text contains {@code pattern}, a
     * lower-case LIKE pattern whose wildcards in the searched words are escaped with {@code !}.
     */
    @Query("""
            select a.id from Api a join a.currentVersion v
            where a.lifecycle in :lifecycles
              and (lower(a.name) like :pattern escape '!' or v.searchText like :pattern escape '!')""")
    List<Long> findIdsMatching(@Param("lifecycles") Collection<ApiLifecycle> lifecycles,
            @Param("pattern") String pattern);
}
