package io.gatehouse.core.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

/** One imported OpenAPI document of an Api, kept verbatim, with the operations parsed from it. */
@Entity
public class ApiVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "api_id")
    private Api api;
    private String versionLabel;
    private String specVersion;
    private String title;
    @Column(columnDefinition = "text")
    private String description;
    @Column(columnDefinition = "text")
    private String document;
    private String documentFormat;
    @Column(columnDefinition = "text")
    private String model;
    @Column(columnDefinition = "text")
    private String searchText;
    private Instant importedAt;
    private String importedBy;
    @OneToMany(mappedBy = "apiVersion", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ApiOperation> operations = new ArrayList<>();

    protected ApiVersion() {
    }

    ApiVersion(Api api, NewApiVersion source, String importedBy) {
        this.api = api;
        this.versionLabel = source.versionLabel();
        this.specVersion = source.specVersion();
        this.title = source.title();
        this.description = source.description();
        this.document = source.document();
        this.documentFormat = source.documentFormat();
        this.model = source.model();
        this.searchText = source.searchText();
        this.importedAt = Instant.now();
        this.importedBy = importedBy;
        for (NewApiVersion.Operation operation : source.operations()) {
            operations.add(new ApiOperation(this, operation));
        }
    }

    public Long getId() {
        return id;
    }

    public Api getApi() {
        return api;
    }

    public String getVersionLabel() {
        return versionLabel;
    }

    public String getSpecVersion() {
        return specVersion;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getDocument() {
        return document;
    }

    public String getDocumentFormat() {
        return documentFormat;
    }

    /** The catalog model as JSON, or null for versions imported before models were kept. */
    public String getModel() {
        return model;
    }

    public String getSearchText() {
        return searchText;
    }

    public Instant getImportedAt() {
        return importedAt;
    }

    public String getImportedBy() {
        return importedBy;
    }

    public List<ApiOperation> getOperations() {
        return List.copyOf(operations);
    }
}
