package io.gatehouse.core.webhook;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WebhookEndpointRepository extends JpaRepository<WebhookEndpoint, Long> {

    List<WebhookEndpoint> findByConsumerIdOrderByIdAsc(Long consumerId);

    List<WebhookEndpoint> findByAdminUserIdOrderByIdAsc(Long adminUserId);

    Optional<WebhookEndpoint> findByIdAndConsumerId(Long id, Long consumerId);

    Optional<WebhookEndpoint> findByIdAndAdminUserId(Long id, Long adminUserId);

    long countByConsumerId(Long consumerId);

    long countByAdminUserId(Long adminUserId);

    /**
     * The active endpoints an event about a consumer's application (and an Api, or none: -1) goes to: the consumer's
     * own while their account is active, every enabled ADMIN's, and the Api owner's when a PRODUCT_OWNER.
     */
    @Query(nativeQuery = true, value = """
            select e.* from webhook_endpoint e
             where e.active = true
               and (e.consumer_id in (select c.id from consumer c where c.id = :consumerId and c.status = 'ACTIVE')
                    or e.admin_user_id in (select u.id from admin_user u where u.enabled = true
                        and (u.role = 'ADMIN' or (u.role = 'PRODUCT_OWNER'
                             and u.id in (select a.owner_id from api a where a.id = :apiId)))))
             order by e.id""")
    List<WebhookEndpoint> findRecipients(@Param("consumerId") long consumerId, @Param("apiId") long apiId);
}
