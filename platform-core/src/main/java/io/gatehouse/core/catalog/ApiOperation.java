package io.gatehouse.core.catalog;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** One operation (method + path template) of an ApiVersion, with the example responses mock mode serves. */
@Entity
public class ApiOperation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "api_version_id")
    private ApiVersion apiVersion;
    private String method;
    private String path;
    private String operationId;
    private String summary;
    private String tags;
    private boolean deprecated;
    @Column(columnDefinition = "text")
    private String mockResponses;

    protected ApiOperation() {
    }

    ApiOperation(ApiVersion apiVersion, NewApiVersion.Operation source) {
        this.apiVersion = apiVersion;
        this.method = source.method();
        this.path = source.path();
        this.operationId = source.operationId();
        this.summary = source.summary();
        this.tags = String.join(",", source.tags());
        this.deprecated = source.deprecated();
        this.mockResponses = MockResponse.toJson(source.mockResponses());
    }

    public Long getId() {
        return id;
    }

    public String getMethod() {
        return method;
    }

    public String getPath() {
        return path;
    }

    /** The name analytics record this operation's calls under ({@link OperationLabel}). */
    public String label() {
        return OperationLabel.of(method, path, operationId);
    }

    public String getOperationId() {
        return operationId;
    }

    public String getSummary() {
        return summary;
    }

    public List<String> getTags() {
        return tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","));
    }

    public boolean isDeprecated() {
        return deprecated;
    }

    public List<MockResponse> getMockResponses() {
        return MockResponse.fromJson(mockResponses);
    }
}
