package io.gatehouse.core.audit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findByObjectTypeAndObjectIdOrderByOccurredAtAsc(String objectType, String objectId);
}
