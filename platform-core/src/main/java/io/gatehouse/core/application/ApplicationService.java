package io.gatehouse.core.application;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.audit.AuditLog;
import io.gatehouse.core.consumer.Consumer;
import io.gatehouse.core.consumer.ConsumerRepository;

/**
 * A consumer creates and describes their applications, always scoped to themselves. Deleting one is
 * {@code AccountService.deleteApplication}, which revokes its keys and subscriptions first.
 */
@Service
public class ApplicationService {

    public static final int MAX_NAME = 100;
    public static final int MAX_DESCRIPTION = 2000;

    private final ApplicationRepository applications;
    private final ConsumerRepository consumers;
    private final AuditLog audit;

    ApplicationService(ApplicationRepository applications, ConsumerRepository consumers, AuditLog audit) {
        this.applications = applications;
        this.consumers = consumers;
        this.audit = audit;
    }

    @Transactional
    public Application create(long consumerId, String name, String description, Actor actor) {
        Consumer consumer = consumers.findById(consumerId).filter(Consumer::isActive)
                .orElseThrow(() -> new IllegalArgumentException("No consumer " + consumerId + "."));
        String cleanName = checkedName(consumerId, name, null);
        Application application = applications.save(new Application(consumer, cleanName, checkedDescription(description)));
        audit.record(actor, "application.created", "application", application.getId(), cleanName);
        return application;
    }

    @Transactional
    public Application describe(long applicationId, long consumerId, String name, String description, Actor actor) {
        Application application = applications.findByIdAndConsumerId(applicationId, consumerId)
                .orElseThrow(() -> new IllegalArgumentException("No application " + applicationId + "."));
        application.describe(checkedName(consumerId, name, applicationId), checkedDescription(description));
        audit.record(actor, "application.updated", "application", applicationId, application.getName());
        return application;
    }

    private String checkedName(long consumerId, String name, Long exceptId) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new IllegalArgumentException("Enter a name of at most " + MAX_NAME + " characters.");
        }
        if (applications.nameTaken(consumerId, clean, exceptId)) {
            throw new IllegalArgumentException("You already have an application named " + clean + ".");
        }
        return clean;
    }

    private static String checkedDescription(String description) {
        String clean = description == null ? "" : description.strip();
        if (clean.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("Use at most " + MAX_DESCRIPTION + " characters for the description.");
        }
        return clean.isEmpty() ? null : clean;
    }

    /** Marks the application deleted; only for {@code AccountService}, after its keys and subscriptions are revoked. */
    @Transactional
    public void markDeleted(Application application, Actor actor) {
        application.markDeleted();
        applications.save(application);
        audit.record(actor, "application.deleted", "application", application.getId(), application.getName());
    }
}
