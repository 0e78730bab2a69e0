package io.gatehouse.core.application;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import io.gatehouse.core.consumer.Consumer;

/** A consumer's client program: it holds the ApiKeys and the subscriptions. */
@Entity
public class Application {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "consumer_id")
    private Consumer consumer;
    private String name;
    private String description;
    private Instant createdAt;
    private Instant deletedAt;

    protected Application() {
    }

    public Application(Consumer consumer, String name, String description) {
        this.consumer = consumer;
        this.name = name;
        this.description = description;
        this.createdAt = Instant.now();
    }

    void describe(String name, String description) {
        this.name = name;
        this.description = description;
    }

    void markDeleted() {
        if (deletedAt == null) {
            deletedAt = Instant.now();
        }
    }

    public Long getId() {
        return id;
    }

    public Consumer getConsumer() {
        return consumer;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
