package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * H2 keeps {@code text} (CHARACTER VARYING) values inside the row, so every page holding an imported 4 MB document
 * is rewritten and re-read whole; as CLOBs they are stored apart. PostgreSQL's {@code text} is already stored out of
 * line (TOAST), so there this migration does nothing. One migration set still serves both databases.
 */
public class V3__Large_text_as_lob_on_h2 extends BaseJavaMigration {

    private static final List<String> LARGE_COLUMNS = List.of("api_version.document", "api_version.model",
            "api_operation.mock_responses", "import_draft.document");

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String column : LARGE_COLUMNS) {
                String[] parts = column.split("\\.");
                statement.execute("alter table " + parts[0] + " alter column " + parts[1] + " set data type clob");
            }
        }
    }
}
