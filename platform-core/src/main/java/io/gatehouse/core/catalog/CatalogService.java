package io.gatehouse.core.catalog;

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
    private final AuditLog audit;
    private final GatewayConfigChanges gatewayConfig;

    CatalogService(ApiRepository apis, AuditLog audit, GatewayConfigChanges gatewayConfig) {
        this.apis = apis;
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
        ApiVersion first = new ApiVersion(api, version, actor.name());
        api.useVersion(first);
        apis.flush();
        audit.record(actor, "api.created", "api", api.getId(),
                version.title() + " " + version.versionLabel() + " at " + contextPath);
        gatewayConfig.changed();
        return api;
    }

    @Transactional
    public Api moveTo(long apiId, ApiLifecycle target, Actor actor) {
        Api api = apis.findById(apiId).orElseThrow(() -> new IllegalArgumentException("No API " + apiId + "."));
        ApiLifecycle from = api.getLifecycle();
        api.moveTo(target);
        audit.record(actor, "api.lifecycle", "api", apiId, from + " -> " + target);
        gatewayConfig.changed();
        return api;
    }

    @Transactional(readOnly = true)
    public List<Api> listed() {
        Collection<ApiLifecycle> served = EnumSet.of(ApiLifecycle.PUBLISHED, ApiLifecycle.DEPRECATED);
        return apis.findByLifecycleInOrderByNameAsc(served);
    }
}
