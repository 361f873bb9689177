package io.maestro.core.bench;

import java.util.Arrays;
import java.util.List;

/** Latencies in nanoseconds, reported in milliseconds. Not thread-safe: one per client, merged afterwards. */
final class Samples {

    private long[] nanos = new long[4096];
    private int size;
    private boolean sorted;

    void add(long nanoseconds) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = nanoseconds;
        sorted = false;
    }

    static Samples merge(List<Samples> parts) {
        Samples all = new Samples();
        for (Samples part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.nanos[i]);
            }
        }
        return all;
    }

    int count() {
        return size;
    }

    /** Nearest-rank percentile, {@code p} in (0, 100]. */
    double percentileMs(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        if (!sorted) {
            Arrays.sort(nanos, 0, size);
            sorted = true;
        }
        int rank = (int) Math.ceil(p / 100 * size);
        return nanos[Math.max(0, Math.min(size, rank) - 1)] / 1e6;
    }

    double maxMs() {
        return percentileMs(100);
    }
}
