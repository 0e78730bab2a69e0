package io.gatehouse.core.application;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ApplicationRepository extends JpaRepository<Application, Long> {

    /** A consumer's applications that are not deleted. */
    @Query("select a from Application a where a.consumer.id = :consumerId and a.deletedAt is null order by a.name asc")
    List<Application> findByConsumerIdOrderByNameAsc(@Param("consumerId") Long consumerId);

    /**
     * The only way web code should load an application: scoped to its owner, so another consumer's id finds nothing;
     * a deleted application is found by no one.
     */
    @Query("select a from Application a where a.id = :id and a.consumer.id = :consumerId and a.deletedAt is null")
    Optional<Application> findByIdAndConsumerId(@Param("id") Long id, @Param("consumerId") Long consumerId);

    @Query("select count(a) > 0 from Application a where a.consumer.id = :consumerId and lower(a.name) = lower(:name)"
            + " and a.deletedAt is null and (:exceptId is null or a.id <> :exceptId)")
    boolean nameTaken(@Param("consumerId") Long consumerId, @Param("name") String name,
            @Param("exceptId") Long exceptId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Application a where a.id = :id and a.consumer.id = :consumerId and a.deletedAt is null")
    Optional<Application> findLockedByIdAndConsumerId(@Param("id") Long id, @Param("consumerId") Long consumerId);
}
