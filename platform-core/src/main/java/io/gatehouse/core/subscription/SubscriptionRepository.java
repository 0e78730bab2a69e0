package io.gatehouse.core.subscription;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SubscriptionRepository extends JpaRepository<Subscription, Long> {

    List<Subscription> findByApplicationIdOrderByRequestedAtDesc(Long applicationId);

    Optional<Subscription> findByApplicationIdAndLiveApiId(Long applicationId, Long liveApiId);

    List<Subscription> findByStatusOrderByRequestedAtAsc(SubscriptionStatus status);

    long countByStatus(SubscriptionStatus status);

    boolean existsByApplicationIdAndStatus(Long applicationId, SubscriptionStatus status);

    @Query("select count(s) from Subscription s where s.status = io.gatehouse.core.subscription.SubscriptionStatus.PENDING"
            + " and s.plan.api.ownerId = :ownerId")
    long countPendingForOwner(@Param("ownerId") Long ownerId);

    /**
     * The approval queue: subscriptions with their application, consumer, plan and Api loaded, optionally only
     * one status, one Api, one owner's Apis, and those whose consumer email or application name contains {@code text}.
     */
    @Query("""
            select s from Subscription s join fetch s.application a join fetch a.consumer c join fetch s.plan p
            join fetch p.api api
            where (:status is null or s.status = :status)
              and (:apiId is null or api.id = :apiId)
              and (:ownerId is null or api.ownerId = :ownerId)
              and (:text is null or lower(c.email) like :text or lower(a.name) like :text)
            order by s.requestedAt asc""")
    List<Subscription> queue(@Param("status") SubscriptionStatus status, @Param("apiId") Long apiId,
            @Param("ownerId") Long ownerId, @Param("text") String text);

    @Query("select s from Subscription s join fetch s.application a join fetch a.consumer join fetch s.plan p"
            + " join fetch p.api where s.id = :id")
    Optional<Subscription> findWithDetails(@Param("id") Long id);
}
