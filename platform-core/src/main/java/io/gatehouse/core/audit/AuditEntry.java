package io.gatehouse.core.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Who did what to which object, when, and from where. Never updated once written. */
@Entity
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    private Actor.Type actorType;
    private String actorName;
    private String action;
    private String objectType;
    private String objectId;
    private String detail;
    private String sourceAddress;

    protected AuditEntry() {
    }

    AuditEntry(Actor actor, String action, String objectType, String objectId, String detail) {
        this.occurredAt = Instant.now();
        this.actorType = actor.type();
        this.actorName = actor.name();
        this.sourceAddress = actor.sourceAddress();
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Actor.Type getActorType() {
        return actorType;
    }

    public String getActorName() {
        return actorName;
    }

    public String getAction() {
        return action;
    }

    public String getObjectType() {
        return objectType;
    }

    public String getObjectId() {
        return objectId;
    }

    public String getDetail() {
        return detail;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }
}
