package io.maestro.workers.bench;

import io.maestro.workers.allocation.model.AllocationPlan;
import java.util.Arrays;
import java.util.List;

/** The figures of one engine over one scenario. */
final class RunMetrics {

    final String engine;
    private double cost;
    private double costExUnfilled;
    private int orders;
    private int splitOrders;
    private int shipments;
    private long orderedUnits;
    private long filledUnits;
    private int shippedOrders;
    private int onTimeOrders;
    private double co2Kg;
    private long[] latencyNanos = new long[1024];
    /** The allocating thread's CPU time per decision: what the decision costs when other processes share the cores. */
    private long[] cpuNanos = new long[1024];
    private double wallSeconds;
    /** For a per-order engine: the wall time inside its decisions alone, without the benchmark's own bookkeeping. */
    private double decisionSeconds;
    /** For a batch: the CPU time of the thread that ran it (its time limit counts this clock). */
    private double cpuSeconds;

    RunMetrics(String engine) {
        this.engine = engine;
    }

    void record(AllocationPlan plan, long nanos) {
        cost += plan.totalCost();
        costExUnfilled += plan.breakdown().fulfilment();
        orders++;
        splitOrders += plan.isSplit() ? 1 : 0;
        shipments += plan.shipments().size();
        filledUnits += plan.filledUnits();
        orderedUnits += plan.filledUnits() + plan.unfilledUnits();
        if (!plan.isEmpty()) {
            shippedOrders++;
            onTimeOrders += plan.onTime() ? 1 : 0;
        }
        co2Kg += plan.co2Kg();
        if (orders > latencyNanos.length) {
            latencyNanos = Arrays.copyOf(latencyNanos, latencyNanos.length * 2);
        }
        latencyNanos[orders - 1] = nanos;
    }

    /** The decisions of several runs as one, for their wall and CPU latencies together (plan figures not kept). */
    static RunMetrics together(List<RunMetrics> runs) {
        RunMetrics all = new RunMetrics("together");
        int total = runs.stream().mapToInt(RunMetrics::orders).sum();
        all.latencyNanos = new long[Math.max(1, total)];
        all.cpuNanos = new long[Math.max(1, total)];
        for (RunMetrics run : runs) {
            System.arraycopy(run.latencyNanos, 0, all.latencyNanos, all.orders, run.orders);
            System.arraycopy(run.cpuNanos, 0, all.cpuNanos, all.orders, run.orders);
            all.orders += run.orders;
        }
        return all;
    }

    int orders() {
        return orders;
    }

    void recordCpu(long nanos) {
        if (orders > cpuNanos.length) {
            cpuNanos = Arrays.copyOf(cpuNanos, Math.max(cpuNanos.length * 2, orders));
        }
        cpuNanos[orders - 1] = nanos;
    }

    /** Whether CPU times were recorded (per-order engines). */
    boolean hasCpuTimes() {
        return cpuNanos.length >= orders && orders > 0 && cpuNanos[orders - 1] > 0;
    }

    double cpuDecisionsPerSecond() {
        long total = 0;
        for (int i = 0; i < orders; i++) {
            total += cpuNanos[i];
        }
        return total == 0 ? 0 : orders / (total / 1e9);
    }

    double cpuLatencyMs(double quantile) {
        return quantileMs(cpuNanos, quantile);
    }

    void wallSeconds(double seconds) {
        this.wallSeconds = seconds;
    }

    double cost() {
        return cost;
    }

    double costExUnfilled() {
        return costExUnfilled;
    }

    double splitRate() {
        return ratio(splitOrders, orders);
    }

    double shipmentsPerOrder() {
        return ratio(shipments, orders);
    }

    double fillRate() {
        return ratio(filledUnits, orderedUnits);
    }

    double onTimeRate() {
        return ratio(onTimeOrders, shippedOrders);
    }

    double co2KgPerOrder() {
        return ratio(co2Kg, orders);
    }

    void cpuSeconds(double seconds) {
        this.cpuSeconds = seconds;
    }

    double cpuSeconds() {
        return cpuSeconds;
    }

    double wallSeconds() {
        return wallSeconds;
    }

    void decisionSeconds(double seconds) {
        this.decisionSeconds = seconds;
    }

    /** Decisions per second of the engine's own time when that was measured, else of the run's wall time. */
    double decisionsPerSecond() {
        double seconds = decisionSeconds > 0 ? decisionSeconds : wallSeconds;
        return seconds == 0 ? 0 : orders / seconds;
    }

    double latencyMs(double quantile) {
        return quantileMs(latencyNanos, quantile);
    }

    private double quantileMs(long[] nanos, double quantile) {
        long[] sorted = Arrays.copyOf(nanos, orders);
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static double ratio(double part, double whole) {
        return whole == 0 ? 0 : part / whole;
    }
}
