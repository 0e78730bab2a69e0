package io.gatehouse.core.consumer;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsumerRepository extends JpaRepository<Consumer, Long> {

    Optional<Consumer> findByEmail(String normalizedEmail);

    List<Consumer> findTop200ByEmailContainingIgnoreCaseOrDisplayNameContainingIgnoreCaseOrderByCreatedAtDesc(
            String email, String displayName);

    default Optional<Consumer> findByEmailIgnoringCase(String email) {
        return findByEmail(Consumer.normalizeEmail(email));
    }
}
