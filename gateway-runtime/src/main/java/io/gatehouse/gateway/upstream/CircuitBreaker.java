package io.gatehouse.gateway.upstream;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The breaker of one upstream target. Closed: requests pass; {@code failureThreshold} consecutive failures, the
 * first of them no older than {@code failureWindow}, open it. Open: requests are refused until {@code openDuration}
 * has passed. Half-open: one trial request passes; its success closes the breaker, its failure opens it again.
 * Failures are connect failures and timeouts only: an upstream that answers 5xx is reachable, and its answer goes to
 * the client. Lock-free; a closed breaker with no failures costs one volatile read per request.
 */
public final class CircuitBreaker {

    /** The gauge values are the ordinals: 0 closed, 1 open, 2 half-open. */
    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int failureThreshold;
    private final long failureWindowNanos;
    private final long openNanos;
    private final LongSupplier nanoClock;
    private final AtomicReference<State> state = new AtomicReference<>(State.CLOSED);
    private final AtomicInteger failures = new AtomicInteger();
    private volatile long streakStartedNanos;
    private volatile long openedAtNanos;
    private final AtomicLong trialStartedNanos = new AtomicLong();

    public CircuitBreaker(int failureThreshold, long failureWindowNanos, long openNanos, LongSupplier nanoClock) {
        if (failureThreshold < 1 || failureWindowNanos <= 0 || openNanos <= 0) {
            throw new IllegalArgumentException("threshold, window and open duration must be positive");
        }
        this.failureThreshold = failureThreshold;
        this.failureWindowNanos = failureWindowNanos;
        this.openNanos = openNanos;
        this.nanoClock = nanoClock;
    }

    public State state() {
        return state.get();
    }

    /**
     * Whether a request may go to this target now. After the open period the first caller becomes the half-open
     * trial; while it runs, others are refused. A trial that never reports (its exchange vanished) is replaced after
     * another open period.
     */
    public boolean tryAcquire() {
        State current = state.get();
        if (current == State.CLOSED) {
            return true;
        }
        long now = nanoClock.getAsLong();
        if (current == State.OPEN) {
            if (now - openedAtNanos < openNanos) {
                return false;
            }
            trialStartedNanos.set(now);
            return state.compareAndSet(State.OPEN, State.HALF_OPEN);
        }
        long trialStarted = trialStartedNanos.get();
        return now - trialStarted >= openNanos && trialStartedNanos.compareAndSet(trialStarted, now);
    }

    /** The target answered: a closed breaker forgets its failures, a half-open one closes. */
    public void onSuccess() {
        if (failures.get() != 0) {
            failures.set(0);
        }
        if (state.get() == State.HALF_OPEN) {
            state.compareAndSet(State.HALF_OPEN, State.CLOSED);
        }
    }

    /** The target refused, reset or timed out. */
    public void onFailure() {
        long now = nanoClock.getAsLong();
        State current = state.get();
        if (current == State.HALF_OPEN) {
            open(State.HALF_OPEN, now);
            return;
        }
        if (current == State.OPEN) {
            return;
        }
        int count = failures.incrementAndGet();
        if (count == 1) {
            streakStartedNanos = now;
        } else if (now - streakStartedNanos > failureWindowNanos) {
            // The streak is older than the window: this failure starts a new one.
            failures.set(1);
            streakStartedNanos = now;
            count = 1;
        }
        if (count >= failureThreshold) {
            open(State.CLOSED, now);
        }
    }

    /** Nanoseconds until an open breaker lets a trial through; 0 when it is not open. */
    public long remainingOpenNanos() {
        State current = state.get();
        if (current == State.CLOSED) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        long since = now - (current == State.OPEN ? openedAtNanos : trialStartedNanos.get());
        return Math.max(0, openNanos - since);
    }

    private void open(State from, long now) {
        openedAtNanos = now;
        if (state.compareAndSet(from, State.OPEN)) {
            failures.set(0);
        }
    }
}
