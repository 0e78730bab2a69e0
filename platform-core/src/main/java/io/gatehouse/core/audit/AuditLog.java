package io.gatehouse.core.audit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes audit entries in the caller's transaction, so a decision and its record commit or fail together. */
@Service
public class AuditLog {

    private final AuditEntryRepository entries;

    AuditLog(AuditEntryRepository entries) {
        this.entries = entries;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, String objectType, Object objectId, String detail) {
        entries.save(new AuditEntry(actor, action, objectType, String.valueOf(objectId), detail));
    }
}
