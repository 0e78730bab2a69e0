package io.gatehouse.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;

/**
 * Server URLs with variables are how a document names its upstream; a variable with an empty list of choices or a
 * default outside them leaves no URL to call, so the document is refused rather than imported with a broken server.
 */
final class ServerVariableCheck {

    private ServerVariableCheck() {
    }

    static List<String> problems(OpenAPI openApi) {
        List<String> problems = new ArrayList<>();
        check(openApi.getServers(), problems);
        if (openApi.getPaths() != null) {
            for (PathItem item : openApi.getPaths().values()) {
                if (item == null) {
                    continue;
                }
                check(item.getServers(), problems);
                for (Operation operation : item.readOperations()) {
                    check(operation.getServers(), problems);
                }
            }
        }
        return problems.stream().distinct().toList();
    }

    private static void check(List<Server> servers, List<String> problems) {
        if (servers == null) {
            return;
        }
        for (Server server : servers) {
            if (server == null || server.getVariables() == null) {
                continue;
            }
            for (Map.Entry<String, ServerVariable> entry : server.getVariables().entrySet()) {
                ServerVariable variable = entry.getValue();
                String where = (server.getUrl() == null ? "A server" : "The server " + server.getUrl())
                        + " has a variable " + entry.getKey();
                if (variable == null || variable.getDefault() == null) {
                    problems.add(where + " without a default value.");
                } else if (variable.getEnum() != null && variable.getEnum().isEmpty()) {
                    problems.add(where + " whose list of values (enum) is empty.");
                } else if (variable.getEnum() != null && !variable.getEnum().contains(variable.getDefault())) {
                    problems.add(where + " whose default " + variable.getDefault() + " is not one of its values "
                            + variable.getEnum() + ".");
                }
            }
        }
    }
}
