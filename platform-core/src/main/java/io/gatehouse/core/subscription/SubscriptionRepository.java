package io.gatehouse.core.subscription;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SubscriptionRepository extends JpaRepository<Subscription, Long> {

    List<Subscription> findByApplicationIdOrderByRequestedAtDesc(Long applicationId);

    Optional<Subscription> findByApplicationIdAndLiveApiId(Long applicationId, Long liveApiId);

    List<Subscription> findByStatusOrderByRequestedAtAsc(SubscriptionStatus status);

    long countByStatus(SubscriptionStatus status);

    boolean existsByApplicationIdAndStatus(Long applicationId, SubscriptionStatus status);
}
