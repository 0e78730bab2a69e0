package io.gatehouse.core.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On PostgreSQL, {@code analytics_event} is partitioned by month of {@code occurred_at} (UTC), with a default
 * partition for anything outside the months created: retention then drops a whole month's table instead of deleting
 * millions of rows one by one, and the partitions ahead are created before they are needed. H2 keeps one table.
 */
public final class EventPartitions {

    /** Months created ahead of the current one, so that no event ever lands in the default partition. */
    static final int MONTHS_AHEAD = 2;

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMM");
    private static final Pattern NAME = Pattern.compile("analytics_event_(\\d{6})");

    private EventPartitions() {
    }

    public static boolean supported(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }

    /** Creates the partitions of the current month and the next ones that do not exist yet. */
    public static void createAhead(Connection connection, Instant now) throws SQLException {
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<YearMonth> existing = months(connection);
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i <= MONTHS_AHEAD; i++) {
                YearMonth month = current.plusMonths(i);
                if (!existing.contains(month)) {
                    statement.execute("create table " + name(month) + " partition of analytics_event for values from ('"
                            + start(month) + "') to ('" + start(month.plusMonths(1)) + "')");
                }
            }
        }
    }

    /**
     * Drops the monthly partitions that end before {@code before} and whose events are all counted in the rollups
     * (ids up to {@code countedUpTo}); returns how many rows went with them.
     */
    public static long dropEndedBefore(Connection connection, Instant before, long countedUpTo) throws SQLException {
        long rows = 0;
        for (YearMonth month : months(connection)) {
            if (!month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).isAfter(before)) {
                try (Statement statement = connection.createStatement();
                        var result = statement.executeQuery("select count(*), coalesce(max(id), 0) from "
                                + name(month))) {
                    result.next();
                    if (result.getLong(2) > countedUpTo) {
                        continue;
                    }
                    rows += result.getLong(1);
                    statement.execute("drop table " + name(month));
                }
            }
        }
        return rows;
    }

    /** The monthly partitions there are, oldest first. */
    static List<YearMonth> months(Connection connection) throws SQLException {
        List<YearMonth> months = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                var result = statement.executeQuery("select c.relname from pg_inherits i"
                        + " join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent"
                        + " where p.relname = 'analytics_event' and p.relnamespace = current_schema()::regnamespace"
                        + " order by c.relname")) {
            while (result.next()) {
                Matcher matcher = NAME.matcher(result.getString(1));
                if (matcher.matches()) {
                    months.add(YearMonth.parse(matcher.group(1), SUFFIX));
                }
            }
        }
        return months;
    }

    static String name(YearMonth month) {
        return "analytics_event_" + SUFFIX.format(month);
    }

    private static String start(YearMonth month) {
        return month.atDay(1) + " 00:00:00+00";
    }
}
