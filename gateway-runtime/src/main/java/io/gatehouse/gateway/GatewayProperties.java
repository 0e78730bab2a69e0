package io.gatehouse.gateway;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gatehouse.gateway.*}, documented in docs/gateway-reference.md.
 *
 * @param port the data-plane port (0 picks a free one)
 * @param managementPort health and Prometheus metrics (0 picks a free one)
 * @param apiKeyHeader where keys are read when an API's OpenAPI document names no apiKey header
 * @param apiKeyQueryParameter also accept the key in this query parameter; empty: headers only
 * @param snapshotPollInterval how often the config revision is polled; changes reach traffic within about this long
 * @param upstreamTimeout the default response timeout: how long an upstream may take to answer (connection included)
 *        before the client gets 504; an Api may set its own. Undertow's proxy has no limit of its own
 * @param upstreamConnectionsPerThread connections kept per IO thread and upstream host; size it to the concurrency
 * @param analyticsQueueCapacity events held while waiting to be written; beyond it new events are dropped and counted
 * @param analyticsBatchSize events written per JDBC batch
 * @param analyticsFlushInterval how often the writer drains the queue
 * @param upstreamConnectTimeout the default connect timeout: how long opening a connection to an upstream may take
 *        before the gateway gives up on that target (504, or another target); an Api may set its own
 * @param circuitFailureThreshold consecutive connect failures and timeouts of one upstream target that open its breaker
 * @param circuitFailureWindow the streak must fit in this time (measured from its first failure) to count
 * @param circuitOpenDuration how long an open breaker refuses (503 with Retry-After) before it lets one trial through
 * @param redisUrl where rate limits and quotas are counted for all gateway nodes ({@code redis://host:port}); empty:
 *        each node counts in its own memory
 * @param redisTimeout how long one Redis command may take before the request is counted on this node instead
 * @param redisKeyPrefix put before every counter key, so several installations can share one Redis
 */
@ConfigurationProperties("gatehouse.gateway")
@Validated
public record GatewayProperties(
        @DefaultValue("0.0.0.0") @NotBlank String host,
        @DefaultValue("8000") @Min(0) @Max(65535) int port,
        @DefaultValue("8001") @Min(0) @Max(65535) int managementPort,
        @DefaultValue("2") @Min(1) @Max(64) int ioThreads,
        @DefaultValue("X-API-Key") @NotBlank String apiKeyHeader,
        @DefaultValue("") String apiKeyQueryParameter,
        @DefaultValue("250ms") @NotNull Duration snapshotPollInterval,
        @DefaultValue("10s") @NotNull Duration shutdownGracePeriod,
        @DefaultValue("30s") @NotNull Duration upstreamTimeout,
        @DefaultValue("64") @Min(1) @Max(10000) int upstreamConnectionsPerThread,
        @DefaultValue("100000") @Min(1) int analyticsQueueCapacity,
        @DefaultValue("1000") @Min(1) int analyticsBatchSize,
        @DefaultValue("200ms") @NotNull Duration analyticsFlushInterval,
        @DefaultValue("5s") @NotNull Duration upstreamConnectTimeout,
        @DefaultValue("5") @Min(1) @Max(1000) int circuitFailureThreshold,
        @DefaultValue("10s") @NotNull Duration circuitFailureWindow,
        @DefaultValue("10s") @NotNull Duration circuitOpenDuration,
        @DefaultValue("") String redisUrl,
        @DefaultValue("50ms") @NotNull Duration redisTimeout,
        @DefaultValue("gatehouse:") @NotNull String redisKeyPrefix) {
}
