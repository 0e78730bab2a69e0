package io.gatehouse.gateway.analytics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.gatehouse.gateway.GatewayProperties;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The request path hands each event to a bounded queue without blocking or waking anyone; a writer thread drains it
 * on a timer, on PostgreSQL with one {@code COPY} a batch, elsewhere as a JDBC batch of inserts. When the database is
 * slow or down, events wait (the queue keeps them) and are written later; when the queue is full, new events are
 * dropped and counted. At every moment
 * {@code accepted = written + dropped + queued}, where queued includes a batch being written. A batch kept after an
 * error is stored at most once: its number is recorded in the same transaction, and a retry checks it first.
 */
@Component
public class AnalyticsPipeline implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsPipeline.class);
    static final String COLUMNS = "occurred_at, request_id, api_id, operation, plan_id, application_id,"
            + " subscription_id, consumer_id, key_id, method, path, status, gateway_latency_us, upstream_latency_us,"
            + " bytes_in, bytes_out, client_address, rejection_reason";
    private static final String INSERT = "insert into analytics_event (" + COLUMNS + ")"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COPY = "copy analytics_event (" + COLUMNS + ") from stdin";
    private static final int MAX_PATH = 2000;

    private final JdbcTemplate jdbc;
    private final ArrayBlockingQueue<AnalyticsEvent> queue;
    private final int batchSize;
    private final long flushMillis;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final List<AnalyticsEvent> inFlight = new ArrayList<>();
    private volatile int inFlightSize;
    /** Whether the database takes COPY (PostgreSQL); learnt on the first connection that succeeds. */
    private Boolean copy;
    /** This process's writer, and the number of the batch being written (see V17__analytics_writers.sql). */
    private final String writerId = UUID.randomUUID().toString();
    private long batch;
    private ScheduledExecutorService writer;

    AnalyticsPipeline(JdbcTemplate jdbc, GatewayProperties properties, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.queue = new ArrayBlockingQueue<>(properties.analyticsQueueCapacity());
        this.batchSize = properties.analyticsBatchSize();
        this.flushMillis = properties.analyticsFlushInterval().toMillis();
        FunctionCounter.builder("gatehouse.gateway.analytics.accepted", accepted, AtomicLong::get)
                .description("Analytics events handed to the queue").register(registry);
        FunctionCounter.builder("gatehouse.gateway.analytics.written", written, AtomicLong::get)
                .description("Analytics events written to the database").register(registry);
        FunctionCounter.builder("gatehouse.gateway.analytics.dropped", dropped, AtomicLong::get)
                .description("Analytics events dropped because the queue was full").register(registry);
        Gauge.builder("gatehouse.gateway.analytics.queued", this, AnalyticsPipeline::queued)
                .description("Analytics events waiting to be written").register(registry);
    }

    /** Called on the request path: never blocks, never throws. */
    public void offer(AnalyticsEvent event) {
        accepted.incrementAndGet();
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    public long accepted() {
        return accepted.get();
    }

    public long written() {
        return written.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public long queued() {
        return queue.size() + inFlightSize;
    }

    /** Writes what is waiting, in batches; on a database error keeps the batch for the next attempt. */
    synchronized void flush() {
        while (true) {
            if (inFlight.isEmpty()) {
                queue.drainTo(inFlight, batchSize);
                inFlightSize = inFlight.size();
                batch++;
            }
            if (inFlight.isEmpty()) {
                return;
            }
            try {
                if (!write(inFlight, batch)) {
                    log.info("analytics batch {} ({} events) was stored by an attempt whose answer was lost;"
                            + " not stored again", batch, inFlight.size());
                }
                written.addAndGet(inFlight.size());
                inFlight.clear();
                inFlightSize = 0;
            } catch (RuntimeException | AssertionError e) {
                // PgJDBC throws AssertionError when the connection breaks mid-batch; an escaped throwable would end
                // the writer's schedule for good.
                log.warn("analytics events not written, {} kept for the next attempt: {}", queued(), e.getMessage());
                return;
            }
        }
    }

    /**
     * Stores the batch and this writer's last batch number in one transaction, unless the number shows that an
     * earlier attempt already stored it; returns whether it stored the batch now.
     */
    private boolean write(List<AnalyticsEvent> events, long number) {
        return jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            if (copy == null) {
                copy = connection.isWrapperFor(PGConnection.class);
            }
            connection.setAutoCommit(false);
            try {
                boolean stored = storeOnce(connection, events, number);
                connection.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                restoreAutoCommitQuietly(connection);
            }
        });
    }

    private boolean storeOnce(Connection connection, List<AnalyticsEvent> events, long number) throws SQLException {
        if (copy) {
            // An earlier attempt cut off before its commit holds the writer's row until PostgreSQL ends it: wait a
            // little for the row, and let the server end such a transaction soon instead of when TCP gives up.
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local lock_timeout = '5s'; "
                        + "set local idle_in_transaction_session_timeout = '10s'");
            }
        }
        Long last = lastBatch(connection);
        if (last != null && last >= number) {
            return false;
        }
        if (copy) {
            copy(connection, events);
        } else {
            insert(connection, events);
        }
        String record = last == null
                ? "insert into analytics_writer (last_batch, written_at, writer_id) values (?, ?, ?)"
                : "update analytics_writer set last_batch = ?, written_at = ? where writer_id = ?";
        try (PreparedStatement statement = connection.prepareStatement(record)) {
            statement.setLong(1, number);
            statement.setTimestamp(2, new Timestamp(System.currentTimeMillis()));
            statement.setString(3, writerId);
            statement.executeUpdate();
        }
        return true;
    }

    private Long lastBatch(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select last_batch from analytics_writer where writer_id = ? for update")) {
            statement.setString(1, writerId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    private static void copy(Connection connection, List<AnalyticsEvent> events) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new ByteArrayInputStream(
                    CopyRows.of(events)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void insert(Connection connection, List<AnalyticsEvent> events) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (AnalyticsEvent e : events) {
                statement.setTimestamp(1, new Timestamp(e.occurredAtMillis()));
                statement.setString(2, e.requestId());
                setLong(statement, 3, e.apiId());
                statement.setString(4, e.operation());
                setLong(statement, 5, e.planId());
                setLong(statement, 6, e.applicationId());
                setLong(statement, 7, e.subscriptionId());
                setLong(statement, 8, e.consumerId());
                statement.setString(9, e.keyId());
                statement.setString(10, e.method());
                statement.setString(11, storedPath(e.path()));
                statement.setInt(12, e.status());
                statement.setLong(13, e.gatewayLatencyMicros());
                setLong(statement, 14, e.upstreamLatencyMicros());
                statement.setLong(15, e.bytesIn());
                statement.setLong(16, e.bytesOut());
                statement.setString(17, e.clientAddress());
                statement.setString(18, e.rejectionReason());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            // The connection is broken; the database ends the transaction itself.
        }
    }

    private static void restoreAutoCommitQuietly(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            // A broken connection is discarded by the pool.
        }
    }

    /** The column holds 2,000 characters; a longer path is cut there. */
    static String storedPath(String path) {
        return path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path;
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    @Override
    public void start() {
        writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gateway-analytics-writer");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }

    /** After the server has drained its requests: one last flush, so a graceful shutdown loses nothing it can write. */
    @Override
    public void stop() {
        if (writer != null) {
            writer.shutdownNow();
            writer = null;
            flush();
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    /** Stops after the server (phase 100) and before the snapshot store (phase 0). */
    @Override
    public int getPhase() {
        return 50;
    }
}
