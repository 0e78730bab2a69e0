package io.gatehouse.core.application;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ApplicationRepository extends JpaRepository<Application, Long> {

    List<Application> findByConsumerIdOrderByNameAsc(Long consumerId);

    /** The only way web code should load an application: scoped to its owner, so another consumer's id finds nothing. */
    Optional<Application> findByIdAndConsumerId(Long id, Long consumerId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Application a where a.id = :id and a.consumer.id = :consumerId")
    Optional<Application> findLockedByIdAndConsumerId(@Param("id") Long id, @Param("consumerId") Long consumerId);
}
