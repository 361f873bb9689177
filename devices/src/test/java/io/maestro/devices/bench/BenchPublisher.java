package io.maestro.devices.bench;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The device side of {@code DeviceBenchmark --publisher-jvm}: publishes a run's stream from its own JVM, as
 * devices are other machines. Prints {@code START <nanoTime>} (the monotonic clock both JVMs share on Linux) a
 * moment before it starts, so the benchmark can note the publish times of a paced run, and {@code CPU <nanos>}, the
 * CPU time its publishing took, when done.
 *
 * <pre>
 * java -cp … io.maestro.devices.bench.BenchPublisher URL PREFIX EVENTS RATE
 * </pre>
 */
public final class BenchPublisher {

    private static final long START_DELAY_NANOS = 200_000_000;

    private BenchPublisher() {
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) throws InterruptedException {
        String url = args[0];
        String prefix = args[1];
        int events = Integer.parseInt(args[2]);
        int rate = Integer.parseInt(args[3]);
        List<DeviceBenchmark.Published> stream = DeviceBenchmark.stream(prefix, events, DeviceBenchmark.skuCodes());
        long start = System.nanoTime() + START_DELAY_NANOS;
        System.out.println("START " + start);
        System.out.flush();
        while (System.nanoTime() < start) {
            Thread.sleep(1);
        }
        long cpu = processCpuNanos();
        DeviceBenchmark.publish(url, "bench-" + prefix, stream, rate, rate > 0 ? start : System.nanoTime(), null);
        System.out.println("CPU " + (processCpuNanos() - cpu));
    }
}
