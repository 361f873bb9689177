package io.maestro.core.db;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Deadlocks, serialization failures and lock timeouts: the database gave up one transaction so that others could go
 * on, and the same work done again succeeds. {@link #retry} does the whole unit of work again (it must open and
 * commit its own transaction(s): call it outside one) a bounded number of times with jittered pauses, so such a
 * failure never reaches a caller, an incident or a person.
 */
public final class TransientFailures {

    /** Attempts in all, the first included. */
    public static final int MAX_ATTEMPTS = 6;
    private static final long FIRST_PAUSE_MILLIS = 20;
    /**
     * PostgreSQL: serialization_failure, deadlock_detected, lock_not_available; H2 reports a deadlock as 40001 and a
     * lock timeout as HYT00.
     */
    private static final Set<String> SQL_STATES = Set.of("40001", "40P01", "55P03", "HYT00");
    private static final Logger log = LoggerFactory.getLogger(TransientFailures.class);

    private TransientFailures() {
    }

    /** Whether the failure, or one of its causes, is one a second try gets past. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PessimisticLockingFailureException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (e.getSQLState() != null && SQL_STATES.contains(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Runs {@code work}, again while it fails transiently, at most {@link #MAX_ATTEMPTS} times in all. */
    public static <T> T retry(String what, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                log.info("{}: transient database failure (attempt {} of {}), trying again: {}", what, attempt,
                        MAX_ATTEMPTS, e.getMessage());
                pause(attempt);
            }
        }
    }

    /** As {@link #retry(String, Supplier)}, for work without a result. */
    public static void retry(String what, Runnable work) {
        retry(what, () -> {
            work.run();
            return null;
        });
    }

    /** A random pause up to {@code 20 ms × 2^(attempt-1)}, so the transactions that collided do not collide again. */
    public static void pause(int attempt) {
        long ceiling = FIRST_PAUSE_MILLIS << Math.min(attempt - 1, 8);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to try again", e);
        }
    }
}
