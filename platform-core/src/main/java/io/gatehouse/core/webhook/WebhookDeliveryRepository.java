package io.gatehouse.core.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

    /** Deliveries due now and not held by a live claim, oldest due first. */
    @Query("""
            select d.id from WebhookDelivery d
             where d.status = io.gatehouse.core.webhook.DeliveryStatus.PENDING and d.nextAttemptAt <= :now
               and (d.claimedUntil is null or d.claimedUntil < :now)
               and d.endpointId in (select e.id from WebhookEndpoint e where e.active = true)
             order by d.nextAttemptAt, d.id""")
    List<Long> findDueIds(@Param("now") Instant now, Pageable page);

    /** Takes one due delivery for {@code claimer}; 1 when it was taken here, 0 when another node was first. */
    @Transactional
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update WebhookDelivery d set d.claimedBy = :claimer, d.claimedUntil = :until
             where d.id = :id and d.status = io.gatehouse.core.webhook.DeliveryStatus.PENDING
               and d.nextAttemptAt <= :now and (d.claimedUntil is null or d.claimedUntil < :now)""")
    int claim(@Param("id") long id, @Param("claimer") String claimer, @Param("now") Instant now,
            @Param("until") Instant until);

    List<WebhookDelivery> findTop20ByEndpointIdOrderByCreatedAtDescIdDesc(Long endpointId);
}
