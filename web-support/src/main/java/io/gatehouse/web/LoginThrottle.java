package io.gatehouse.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing in both web UIs: after {@value #MAX_FAILURES} failed logins for one login name, or
 * {@value #MAX_FAILURES_PER_ADDRESS} from one address (higher, because many people can share an address behind a
 * NAT or proxy), within 15 minutes, further attempts for it are refused for 15 minutes. Unknown names count like
 * known ones, so the refusal says nothing about whether an account exists. Kept in memory per node: a restart or a
 * second node gives an attacker a fresh allowance, which bounds guessing well enough for a portal login.
 */
public class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final int MAX_FAILURES_PER_ADDRESS = 50;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    /** Past this many tracked names and addresses, stale entries are dropped on the next failure. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final Map<String, Record> records = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether an attempt for this login name from this address is to be refused without checking the password. */
    public boolean isBlocked(String login, String address) {
        Instant now = clock.instant();
        return blocked(nameKey(login), now) || blocked(addressKey(address), now);
    }

    public void failed(String login, String address) {
        Instant now = clock.instant();
        if (records.size() > PRUNE_ABOVE) {
            records.values().removeIf(record -> record.isStale(now));
        }
        count(nameKey(login), now, MAX_FAILURES);
        count(addressKey(address), now, MAX_FAILURES_PER_ADDRESS);
    }

    /** A successful login clears its name's failures (not its address's, shared by everyone behind it). */
    public void succeeded(String login) {
        String key = nameKey(login);
        if (key != null) {
            records.remove(key);
        }
    }

    /** Forgets every failure: for tests, and for an operator's reset. */
    public void clear() {
        records.clear();
    }

    private boolean blocked(String key, Instant now) {
        Record record = key == null ? null : records.get(key);
        return record != null && record.isBlockedAt(now);
    }

    private void count(String key, Instant now, int limit) {
        if (key != null) {
            records.computeIfAbsent(key, k -> new Record()).failed(now, limit);
        }
    }

    private static String nameKey(String login) {
        return login == null || login.isBlank() ? null : "name:" + login.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : "address:" + address;
    }

    private static final class Record {

        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant blockedUntil;

        synchronized void failed(Instant now, int limit) {
            if (isBlockedAt(now)) {
                return;
            }
            if (blockedUntil != null) {
                // A lockout that has run out starts a fresh count.
                blockedUntil = null;
                failures.clear();
            }
            failures.addLast(now);
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(now.minus(WINDOW))) {
                failures.removeFirst();
            }
            if (failures.size() >= limit) {
                blockedUntil = now.plus(LOCKOUT);
            }
        }

        synchronized boolean isBlockedAt(Instant now) {
            return blockedUntil != null && now.isBefore(blockedUntil);
        }

        synchronized boolean isStale(Instant now) {
            Instant last = failures.peekLast();
            return !isBlockedAt(now) && (last == null || !last.isAfter(now.minus(WINDOW)));
        }
    }
}
