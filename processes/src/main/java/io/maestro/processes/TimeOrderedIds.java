package io.maestro.processes;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The engine's row ids, in the order they were made: 16 hex digits of the millisecond and a counter, then 12 random
 * hex digits chosen once per engine, so several nodes never make the same id without asking the database. Random
 * UUIDs (the starter's default) put each new row of every engine table and index at a random place in its B-tree,
 * so every commit rewrote pages all over the tables (H2 writes each touched page again on commit); ids in time order
 * put them next to the rows of the orders in flight. {@code camunda.bpm.id-generator=strong} goes back to UUIDs.
 */
@Component
@ConditionalOnProperty(name = "camunda.bpm.id-generator", havingValue = "time-ordered", matchIfMissing = true)
public class TimeOrderedIds implements IdGenerator {

    private static final int COUNTER_BITS = 20;

    private final String node;
    private final AtomicLong last = new AtomicLong();

    public TimeOrderedIds() {
        this(new SecureRandom().nextLong() & 0xFFFF_FFFF_FFFFL);
    }

    TimeOrderedIds(long node) {
        this.node = hex(node, 12);
    }

    @Override
    public String getNextId() {
        long now = System.currentTimeMillis() << COUNTER_BITS;
        return hex(last.updateAndGet(previous -> Math.max(previous + 1, now)), 16) + node;
    }

    private static String hex(long value, int digits) {
        String hex = Long.toHexString(value);
        return "0".repeat(digits - hex.length()) + hex;
    }
}
