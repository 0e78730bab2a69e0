package io.gatehouse.gateway.upstream;

import java.util.concurrent.TimeUnit;

import org.xnio.XnioExecutor;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.ProxyCallback;
import io.undertow.server.handlers.proxy.ProxyConnection;
import io.undertow.util.AttachmentKey;
import io.undertow.util.WorkerUtils;

/**
 * One request's way to the upstream, attached to its exchange: when it started (for the upstream latency), which
 * target's breaker it went through, and why it failed when it did. All of it runs on the exchange's IO thread.
 */
public final class UpstreamCall {

    private static final AttachmentKey<UpstreamCall> KEY = AttachmentKey.create(UpstreamCall.class);

    /** Why the gateway could not get an answer from the upstream, as far as it knows. */
    public enum Cause {
        NONE, REFUSED, CONNECT_TIMEOUT, CIRCUIT_OPEN
    }

    private final long startedNanos = System.nanoTime();
    private Attempt current;
    private Cause cause = Cause.NONE;
    private long retryAfterNanos;
    private boolean attempted;

    private UpstreamCall() {
    }

    /** Attaches a new call to the exchange as it is handed to the proxy. */
    public static UpstreamCall start(HttpServerExchange exchange) {
        UpstreamCall call = new UpstreamCall();
        exchange.putAttachment(KEY, call);
        return call;
    }

    /** The exchange's call, or null when it never went to the proxy. */
    public static UpstreamCall of(HttpServerExchange exchange) {
        return exchange.getAttachment(KEY);
    }

    public long startedNanos() {
        return startedNanos;
    }

    public Cause cause() {
        return cause;
    }

    /** For a circuit-open refusal: whole seconds until the first target lets a trial through, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(retryAfterNanos + 999_999_999L));
    }

    /**
     * The exchange is over: the breaker of the last target hears how it went, unless a connect failure was already
     * counted. A timeout or a failure after the request was sent counts against it; any answer, 5xx included, for it.
     */
    public void finish(boolean upstreamFailed) {
        Attempt attempt = current;
        if (attempt == null) {
            return;
        }
        attempt.cancelTimer();
        boolean counted = attempt.settled && attempt.failureCounted;
        attempt.settled = true;
        if (counted || attempt.breaker == null) {
            return;
        }
        if (upstreamFailed) {
            attempt.breaker.onFailure();
        } else {
            attempt.breaker.onSuccess();
        }
    }

    Attempt attempt(HttpServerExchange exchange, ProxyCallback<ProxyConnection> delegate) {
        current = new Attempt(this, exchange, delegate);
        return current;
    }

    boolean attempted() {
        return attempted;
    }

    /** The current attempt goes to this target; an earlier attempt's cause no longer describes the request. */
    void selected(CircuitBreaker breaker) {
        current.breaker = breaker;
        attempted = true;
        cause = Cause.NONE;
    }

    void circuitOpen(long retryAfterNanos) {
        this.cause = Cause.CIRCUIT_OPEN;
        this.retryAfterNanos = retryAfterNanos;
    }

    /**
     * One try at getting a connection to one target. Undertow's pool calls back once; a connect timeout may settle
     * the attempt first, after which the pool's late answer is ignored (a late connection goes back to the pool when
     * the exchange ends).
     */
    static final class Attempt implements ProxyCallback<ProxyConnection>, Runnable {

        private final UpstreamCall call;
        private final HttpServerExchange exchange;
        private final ProxyCallback<ProxyConnection> delegate;
        CircuitBreaker breaker;
        boolean settled;
        boolean failureCounted;
        private XnioExecutor.Key timer;

        Attempt(UpstreamCall call, HttpServerExchange exchange, ProxyCallback<ProxyConnection> delegate) {
            this.call = call;
            this.exchange = exchange;
            this.delegate = delegate;
        }

        void startTimer(int connectTimeoutMillis) {
            if (!settled && breaker != null && connectTimeoutMillis > 0) {
                timer = WorkerUtils.executeAfter(exchange.getIoThread(), this, connectTimeoutMillis,
                        TimeUnit.MILLISECONDS);
            }
        }

        void cancelTimer() {
            if (timer != null) {
                timer.remove();
                timer = null;
            }
        }

        @Override
        public void completed(HttpServerExchange exchange, ProxyConnection result) {
            if (settled) {
                return;
            }
            settled = true;
            cancelTimer();
            delegate.completed(exchange, result);
        }

        /** The pool could not connect (refused, reset, unreachable). */
        @Override
        public void failed(HttpServerExchange exchange) {
            if (settled) {
                return;
            }
            fail(Cause.REFUSED);
        }

        @Override
        public void queuedRequestFailed(HttpServerExchange exchange) {
            if (settled) {
                return;
            }
            settled = true;
            cancelTimer();
            delegate.queuedRequestFailed(exchange);
        }

        @Override
        public void couldNotResolveBackend(HttpServerExchange exchange) {
            if (settled) {
                return;
            }
            settled = true;
            cancelTimer();
            delegate.couldNotResolveBackend(exchange);
        }

        /** The connect timeout fired before the pool answered. */
        @Override
        public void run() {
            timer = null;
            if (!settled && !exchange.isComplete()) {
                fail(Cause.CONNECT_TIMEOUT);
            }
        }

        private void fail(Cause cause) {
            settled = true;
            cancelTimer();
            if (breaker != null) {
                breaker.onFailure();
                failureCounted = true;
            }
            call.cause = cause;
            // Nothing was sent: Undertow may try another target, whatever the method.
            delegate.failed(exchange);
        }
    }
}
