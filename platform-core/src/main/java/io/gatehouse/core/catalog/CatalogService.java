package io.gatehouse.core.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.audit.AuditLog;
import io.gatehouse.core.gatewayconfig.GatewayConfigChanges;
import io.gatehouse.core.routing.ContextPaths;

/** Creates Apis from imported documents and moves them through their lifecycle. */
@Service
public class CatalogService {

    private final ApiRepository apis;
    private final ApiVersionRepository versions;
    private final AuditLog audit;
    private final GatewayConfigChanges gatewayConfig;

    CatalogService(ApiRepository apis, ApiVersionRepository versions, AuditLog audit,
            GatewayConfigChanges gatewayConfig) {
        this.apis = apis;
        this.versions = versions;
        this.audit = audit;
        this.gatewayConfig = gatewayConfig;
    }

    @Transactional
    public Api create(NewApi placement, NewApiVersion version, Actor actor) {
        ContextPaths.problem(placement.contextPath()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (!placement.mockMode() && placement.upstreams().isEmpty()) {
            throw new IllegalArgumentException("An API needs at least one upstream URL, or mock mode.");
        }
        String contextPath = ContextPaths.normalize(placement.contextPath());
        if (apis.findByContextPath(contextPath).isPresent()) {
            throw new IllegalArgumentException("Another API already uses the context path " + contextPath + ".");
        }
        Api api = apis.save(new Api(version.title(), version.description(), contextPath, placement.ownerId(),
                placement.mockMode(), placement.upstreams(), version.apiKeyHeader()));
        api.useUpstreamTimeouts(placement.connectTimeoutMillis(), placement.responseTimeoutMillis());
        ApiVersion first = new ApiVersion(api, version, actor.name());
        api.useVersion(first);
        apis.flush();
        audit.record(actor, "api.created", "api", api.getId(),
                version.title() + " " + version.versionLabel() + " at " + contextPath);
        gatewayConfig.changed();
        return api;
    }

    /** A re-import: the new version becomes current; plans and subscriptions belong to the Api and are kept. */
    @Transactional
    public ApiVersion addVersion(long apiId, NewApiVersion version, Actor actor) {
        Api api = find(apiId);
        ApiVersion next = versions.save(new ApiVersion(api, version, actor.name()));
        api.useVersion(next);
        audit.record(actor, "api.version.imported", "api", apiId, version.title() + " " + version.versionLabel());
        gatewayConfig.changed();
        return next;
    }

    /** Deprecates a published Api; the gateway then sends Deprecation and, when given, Sunset headers. */
    @Transactional
    public Api deprecate(long apiId, Instant sunset, Actor actor) {
        Api api = find(apiId);
        api.deprecate(sunset);
        audit.record(actor, "api.lifecycle", "api", apiId,
                "PUBLISHED -> DEPRECATED" + (sunset == null ? "" : ", sunset " + sunset));
        gatewayConfig.changed();
        return api;
    }

    @Transactional
    public Api moveTo(long apiId, ApiLifecycle target, Actor actor) {
        if (target == ApiLifecycle.DEPRECATED) {
            return deprecate(apiId, null, actor);
        }
        Api api = find(apiId);
        ApiLifecycle from = api.getLifecycle();
        api.moveTo(target);
        audit.record(actor, "api.lifecycle", "api", apiId, from + " -> " + target);
        gatewayConfig.changed();
        return api;
    }

    /** Sets the gateway's connect and response timeouts for the Api's upstreams; null restores a default. */
    @Transactional
    public Api setUpstreamTimeouts(long apiId, Integer connectMillis, Integer responseMillis, Actor actor) {
        Api api = find(apiId);
        api.useUpstreamTimeouts(connectMillis, responseMillis);
        audit.record(actor, "api.timeouts", "api", apiId, "connect " + (connectMillis == null ? "default" : connectMillis
                + " ms") + ", response " + (responseMillis == null ? "default" : responseMillis + " ms"));
        gatewayConfig.changed();
        return api;
    }

    private Api find(long apiId) {
        return apis.findById(apiId).orElseThrow(() -> new IllegalArgumentException("No API " + apiId + "."));
    }

    @Transactional(readOnly = true)
    public List<Api> listed() {
        Collection<ApiLifecycle> served = EnumSet.of(ApiLifecycle.PUBLISHED, ApiLifecycle.DEPRECATED);
        return apis.findByLifecycleInOrderByNameAsc(served);
    }
}
