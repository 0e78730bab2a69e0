package io.gatehouse.core.application;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApplicationRepository extends JpaRepository<Application, Long> {

    List<Application> findByConsumerIdOrderByNameAsc(Long consumerId);

    /** The only way web code should load an application: scoped to its owner, so another consumer's id finds nothing. */
    Optional<Application> findByIdAndConsumerId(Long id, Long consumerId);
}
