package io.gatehouse.core.webhook;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookAttemptRepository extends JpaRepository<WebhookAttempt, Long> {

    List<WebhookAttempt> findByDeliveryIdInOrderByAttemptedAtAscIdAsc(Collection<Long> deliveryIds);

    List<WebhookAttempt> findByDeliveryIdOrderByAttemptedAtAscIdAsc(Long deliveryId);
}
