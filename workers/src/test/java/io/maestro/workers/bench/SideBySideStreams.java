package io.maestro.workers.bench;

import io.maestro.workers.allocation.AllocationEngine;
import io.maestro.workers.allocation.AllocationResult;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.Order;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.function.IntFunction;

/**
 * Benchmark only: {@code threads} independent streams of the same day decided side by side by one engine, as the
 * allocation worker's threads decide their tasks. Each stream is the day's orders one after another on its own
 * copy of the opening stock and capacity ({@link NetworkState}); the engine, the day's nodes, orders and rate cards
 * are shared. The streams start together; the run's wall time is from the first start to the last end.
 */
final class SideBySideStreams {

    /**
     * @param streams     each stream's figures: its plans and the wall and CPU time of each decision
     * @param wallSeconds from the first stream's start to the last stream's end, the streams' bookkeeping included
     * @param cpuSeconds  the streams' threads' CPU time from their start to their end, bookkeeping included
     * @param planCosts   [stream][order]: each decision's plan cost
     */
    record Outcome(int threads, List<RunMetrics> streams, double wallSeconds, double cpuSeconds, double[][] planCosts) {

        int decisions() {
            return streams.stream().mapToInt(RunMetrics::orders).sum();
        }

        /** Decisions of all streams per second of the run's wall time. */
        double decisionsPerSecond() {
            return decisions() / wallSeconds;
        }

        /**
         * The cores the streams had on average: their CPU time ÷ the run's wall time. Below the thread count when
         * other processes share the cores; the wall figures then follow it.
         */
        double coresBusy() {
            return cpuSeconds / wallSeconds;
        }

        /** Every stream's latencies in one. */
        RunMetrics all() {
            return RunMetrics.together(streams);
        }

        /** Whether every stream made the same plans, order by order, as the first stream of {@code other}. */
        boolean samePlansAs(Outcome other) {
            for (double[] costs : planCosts) {
                if (!Arrays.equals(costs, other.planCosts[0])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** What a stream hands each of its decisions to (a test digests them); the benchmark keeps nothing more. */
    interface Answers {
        void add(AllocationResult result);
    }

    private SideBySideStreams() {
    }

    static Outcome run(AllocationEngine engine, Scenario day, int threads) {
        return run(engine, day, day.orders(), threads, stream -> result -> { });
    }

    static Outcome run(AllocationEngine engine, Scenario day, List<Order> orders, int threads,
                       IntFunction<Answers> answers) {
        CyclicBarrier start = new CyclicBarrier(threads);
        RunMetrics[] streams = new RunMetrics[threads];
        double[][] planCosts = new double[threads][orders.size()];
        long[] started = new long[threads];
        long[] ended = new long[threads];
        long[] cpu = new long[threads];
        RuntimeException[] failed = new RuntimeException[threads];
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int stream = t;
            Answers sink = answers.apply(stream);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    long cpuAtStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    started[stream] = System.nanoTime();
                    streams[stream] = decide(engine, day, orders, planCosts[stream], sink);
                    ended[stream] = System.nanoTime();
                    cpu[stream] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuAtStart;
                } catch (RuntimeException e) {
                    failed[stream] = e;
                } catch (Exception e) {
                    failed[stream] = new IllegalStateException(e);
                }
            }, "stream-" + stream);
            running.add(thread);
            thread.start();
        }
        for (Thread thread : running) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the streams ran", e);
            }
        }
        for (RuntimeException e : failed) {
            if (e != null) {
                throw e;
            }
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long cpuTotal = 0;
        for (int t = 0; t < threads; t++) {
            first = Math.min(first, started[t]);
            last = Math.max(last, ended[t]);
            cpuTotal += cpu[t];
        }
        return new Outcome(threads, List.of(streams), (last - first) / 1e9, cpuTotal / 1e9, planCosts);
    }

    private static RunMetrics decide(AllocationEngine engine, Scenario day, List<Order> orders, double[] planCosts,
                                     Answers answers) {
        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        RunMetrics metrics = new RunMetrics("stream");
        NetworkState state = new NetworkState(day);
        int index = 0;
        for (Order order : orders) {
            AllocationRequest request = AllocationBenchmark.request(day, state, order);
            long cpuBefore = clock.getCurrentThreadCpuTime();
            long before = System.nanoTime();
            AllocationResult result = engine.allocate(request);
            long nanos = System.nanoTime() - before;
            long cpu = clock.getCurrentThreadCpuTime() - cpuBefore;
            state.apply(result.plan());
            metrics.record(result.plan(), nanos);
            metrics.recordCpu(Math.max(1, cpu));
            planCosts[index++] = result.plan().totalCost();
            answers.add(result);
        }
        return metrics;
    }
}
