package io.gatehouse.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** One readable line per security scheme a document declares. */
final class SecuritySchemeDescriptions {

    private SecuritySchemeDescriptions() {
    }

    static List<String> of(OpenAPI openApi) {
        List<String> lines = new ArrayList<>();
        if (openApi.getComponents() == null || openApi.getComponents().getSecuritySchemes() == null) {
            return lines;
        }
        for (Map.Entry<String, SecurityScheme> entry : openApi.getComponents().getSecuritySchemes().entrySet()) {
            lines.add(entry.getKey() + ": " + describe(entry.getValue()));
        }
        return lines;
    }

    private static String describe(SecurityScheme scheme) {
        if (scheme == null || scheme.getType() == null) {
            return scheme != null && scheme.get$ref() != null ? "defined at " + scheme.get$ref() : "of unknown type";
        }
        return switch (scheme.getType()) {
            case APIKEY -> "API key in " + (scheme.getIn() == null ? "an unnamed place" : scheme.getIn().toString())
                    + " " + scheme.getName();
            case HTTP -> "HTTP " + (scheme.getScheme() == null ? "authentication" : scheme.getScheme())
                    + (scheme.getBearerFormat() == null ? "" : " (" + scheme.getBearerFormat() + ")");
            case OAUTH2 -> "OAuth 2" + flows(scheme.getFlows());
            case OPENIDCONNECT -> "OpenID Connect";
            case MUTUALTLS -> "mutual TLS";
        };
    }

    private static String flows(OAuthFlows flows) {
        if (flows == null) {
            return "";
        }
        List<String> names = new ArrayList<>();
        if (flows.getAuthorizationCode() != null) {
            names.add("authorization code");
        }
        if (flows.getClientCredentials() != null) {
            names.add("client credentials");
        }
        if (flows.getImplicit() != null) {
            names.add("implicit");
        }
        if (flows.getPassword() != null) {
            names.add("password");
        }
        return names.isEmpty() ? "" : " (" + String.join(", ", names).toLowerCase(Locale.ROOT) + ")";
    }
}
