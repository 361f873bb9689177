package io.maestro.devices.bench;

import ch.qos.logback.classic.Level;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.core.network.Capability;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.NodeType;
import io.maestro.core.testing.TestData;
import io.maestro.devices.DevicesTestApplication;
import io.maestro.devices.event.DeviceEventMapper;
import io.maestro.devices.gateway.DeviceEventApplied;
import io.maestro.devices.gateway.DeviceEventGateway;
import io.maestro.devices.gateway.DeviceMessageIntake;
import io.maestro.devices.mqtt.DeviceMessageBatcher;
import io.maestro.devices.mqtt.MqttPlaceholders;
import io.maestro.devices.simulator.DevicePublisher;
import io.maestro.devices.simulator.SimulatedNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Device benchmark: N simulated device events published at QoS 1 to the embedded broker and taken through the
 * device route into the ledger (H2 file database), measured from publish to ledger commit. The baseline is the
 * same kind of events applied by the gateway directly, without MQTT, in the same process.
 *
 * <pre>
 * ./maestro bench devices [--events 20000] [--rate 500] [--publisher-jvm]
 * </pre>
 */
public final class DeviceBenchmark {

    private static final String USAGE = "options: --events N (20000) --rate N (events/s of the latency run, 500) "
            + "--publisher-jvm (publish the MQTT runs from a second JVM, as devices are other machines)";
    private static final double EVENTS_TARGET = 2_000;
    private static final String NODE = "BENCH-DC";

    private final ConfigurableApplicationContext context;
    private final CommitClock commits;
    private final List<String> skus;
    private final boolean publisherJvm;

    private DeviceBenchmark(ConfigurableApplicationContext context, List<String> skus, boolean publisherJvm) {
        this.context = context;
        this.commits = context.getBean(CommitClock.class);
        this.skus = skus;
        this.publisherJvm = publisherJvm;
    }

    public static void main(String[] args) throws Exception {
        int events = 20_000;
        int rate = 500;
        boolean publisherJvm = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--events") && i + 1 < args.length) {
                events = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--rate") && i + 1 < args.length) {
                rate = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--publisher-jvm")) {
                publisherJvm = true;
            } else {
                System.out.println(USAGE);
                return;
            }
        }
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path dir = Files.createTempDirectory("maestro-bench-devices");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DevicesTestApplication.class, CommitClock.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run("--spring.main.banner-mode=off",
                        "--logging.level.root=WARN", "--logging.level.io.maestro.devices=ERROR",
                        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + "/maestro",
                        "--maestro.data-dir=" + dir.resolve("data"), "--maestro.mqtt.port=0")) {
            List<String> skus = seed(context);
            new DeviceBenchmark(context, skus, publisherJvm).run(events, rate);
        } finally {
            delete(dir);
        }
    }

    private void run(int events, int rate) throws Exception {
        Run warmMqtt = overMqtt("WARM", Math.max(1_000, events / 10), 0);
        Run warmDirect = direct("WARMD", Math.max(1_000, events / 10));
        Run direct = direct("BASE", events);
        Run mqtt = overMqtt("MQTT", events, 0);
        Run paced = overMqtt("PACED", Math.min(events, rate * 10), rate);
        long deadLetters = context.getBean(DeadLetters.class).list(DeviceMessageIntake.DEAD_LETTER_SOURCE, null, 0, 1_000_000).size();
        int cores = Runtime.getRuntime().availableProcessors();

        System.out.printf(Locale.ROOT, "%nMaestro device benchmark: %d events of %d devices at one node, %d SKUs, H2 file database, "
                        + "embedded HiveMQ CE broker, QoS 1%n  machine: %d cores, load average %.1f (other processes share "
                        + "these cores); warm-up %d + %d events; publisher %s%n%n", events, DEVICES, skus.size(), cores,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), warmMqtt.events, warmDirect.events,
                publisherJvm ? "in a second JVM (its CPU apart)" : "in this JVM (its CPU counted)");
        row("events/s through MQTT into the ledger", fmt(mqtt.perSecond(), 0), "≥ " + fmt(EVENTS_TARGET, 0),
                mqtt.perSecond() >= EVENTS_TARGET ? "met" : "MISSED");
        row("  CPU per event, whole process (ms)", fmt(mqtt.cpuMsPerEvent(), 3), "", "");
        if (publisherJvm) {
            row("  CPU per event, publisher JVM (ms)", fmt(mqtt.publisherCpuMsPerEvent(), 3), "", "");
        }
        row("  CPU-bound ceiling on " + cores + " idle cores (/s)", fmt(mqtt.ceiling(cores), 0), "", "");
        row("  messages per ledger transaction, average", fmt(mqtt.batches.averageSize(), 1), "", "");
        row("publish → ledger commit at " + rate + "/s, p50 / p99 / max (ms)", latencies(paced.latencies), "", "");
        row("baseline: events/s applied directly (no MQTT)", fmt(direct.perSecond(), 0), "", "");
        row("  apply + commit p50 / p99 / max (ms)", latencies(direct.latencies), "", "");
        row("  CPU per event (ms)", fmt(direct.cpuMsPerEvent(), 3), "", "");
        row("ratio: MQTT events/s / direct events/s", fmt(mqtt.perSecond() / direct.perSecond(), 2), "", "");
        row("ratio: CPU per event MQTT / direct", fmt(mqtt.cpuMsPerEvent() / direct.cpuMsPerEvent(), 2), "", "");
        row("dead letters (expected 0)", String.valueOf(deadLetters), "", "");
        System.out.println();

        String key = "bench=devices db=h2 publisher=" + (publisherJvm ? "separate-jvm" : "in-process") + " metric=";
        String n = " events=" + events;
        result(key + "events_per_s transport=mqtt" + n, mqtt.perSecond(), 0);
        result(key + "cpu_ms_per_event transport=mqtt" + n, mqtt.cpuMsPerEvent(), 3);
        if (publisherJvm) {
            result(key + "publisher_cpu_ms_per_event transport=mqtt" + n, mqtt.publisherCpuMsPerEvent(), 3);
        }
        result(key + "events_per_s_cpu_ceiling transport=mqtt cores=" + cores, mqtt.ceiling(cores), 0);
        result(key + "batch_size_avg transport=mqtt" + n, mqtt.batches.averageSize(), 1);
        result(key + "batch_size_avg transport=mqtt rate=" + rate, paced.batches.averageSize(), 1);
        result(key + "latency_p50_ms transport=mqtt rate=" + rate, percentileMs(paced.latencies, 50), 2);
        result(key + "latency_p99_ms transport=mqtt rate=" + rate, percentileMs(paced.latencies, 99), 2);
        result(key + "events_per_s transport=direct" + n, direct.perSecond(), 0);
        result(key + "latency_p50_ms transport=direct" + n, percentileMs(direct.latencies, 50), 2);
        result(key + "latency_p99_ms transport=direct" + n, percentileMs(direct.latencies, 99), 2);
        result(key + "cpu_ms_per_event transport=direct" + n, direct.cpuMsPerEvent(), 3);
        result(key + "mqtt_over_direct" + n, mqtt.perSecond() / direct.perSecond(), 2);
        result(key + "dead_letters" + n, deadLetters, 0);
    }

    /**
     * Publishes the stream at {@code rate} events/s, or as fast as the broker confirms them (0); the run ends when
     * the last event is committed. The payloads are written before the clock starts: that is the devices' work.
     * With {@code --publisher-jvm} a second JVM publishes ({@link BenchPublisher}); CPU figures are then this
     * process's (Maestro and the broker) and the publisher's apart.
     */
    private Run overMqtt(String prefix, int events, int rate) throws Exception {
        List<Published> stream = stream(prefix, events, skus);
        commits.expect(events);
        String url = context.getBean(MqttPlaceholders.class).brokerUrl();
        DeviceMessageBatcher batcher = context.getBean(DeviceMessageBatcher.class);
        DeviceMessageBatcher.Batches before = batcher.written();
        long cpu = processCpuNanos();
        long start;
        long publisherCpu = 0;
        if (publisherJvm) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), BenchPublisher.class.getName(), url, prefix,
                    String.valueOf(events), String.valueOf(rate)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
                String first = lines.readLine();
                if (first == null || !first.startsWith("START ")) {
                    throw new IllegalStateException("The publisher JVM did not start: " + first);
                }
                start = Long.parseLong(first.substring(6));
                for (int i = 0; i < events; i++) {
                    commits.published(stream.get(i).ledgerEventId(), rate > 0 ? start + (long) (i * 1e9 / rate) : start);
                }
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("CPU ")) {
                        publisherCpu = Long.parseLong(line.substring(4));
                    }
                }
            }
            if (child.waitFor() != 0) {
                throw new IllegalStateException("The publisher JVM failed: exit " + child.exitValue());
            }
        } else {
            start = System.nanoTime();
            publish(url, "bench-" + prefix, stream, rate, start, commits);
        }
        long end = commits.awaitAll(300_000);
        long cpuNanos = processCpuNanos() - cpu;
        DeviceMessageBatcher.Batches after = batcher.written();
        return new Run(events, (end - start) / 1e9, cpuNanos, commits.latencies(),
                new DeviceMessageBatcher.Batches(after.batches() - before.batches(), after.messages() - before.messages()),
                publisherCpu);
    }

    /** Publishes at {@code rate} events/s from {@code start} on, or as fast as the broker confirms (0). */
    static void publish(String url, String clientId, List<Published> stream, int rate, long start, CommitClock commits)
            throws InterruptedException {
        try (DevicePublisher publisher = new DevicePublisher(url, clientId)) {
            for (int i = 0; i < stream.size(); i++) {
                Published message = stream.get(i);
                if (rate > 0) {
                    long wait = start + (long) (i * 1e9 / rate) - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                if (commits != null) {
                    commits.published(message.ledgerEventId(), System.nanoTime());
                }
                publisher.publish(message.topic(), message.payload());
            }
        }
    }

    /** The baseline: the gateway applies each event itself, one transaction per event, no broker in between. */
    private Run direct(String prefix, int events) {
        List<Published> stream = stream(prefix, events, skus);
        DeviceEventGateway gateway = context.getBean(DeviceEventGateway.class);
        long[] latencies = new long[events];
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            Published message = stream.get(i);
            long t = System.nanoTime();
            gateway.apply(message.topic(), message.payload());
            latencies[i] = System.nanoTime() - t;
        }
        return new Run(events, (System.nanoTime() - start) / 1e9, processCpuNanos() - cpu, latencies,
                new DeviceMessageBatcher.Batches(events, events), 0);
    }

    private static final int DEVICES = 4;
    private static final int SKUS = 200;

    /** A device message ready to send: topic, JSON payload and the ledger event id it becomes. */
    record Published(String topic, String payload, String ledgerEventId) {
    }

    /** The run's stream, the same for the same prefix in any JVM. */
    static List<Published> stream(String prefix, int events, List<String> skus) {
        List<String> devices = new ArrayList<>();
        for (int d = 1; d <= DEVICES; d++) {
            devices.add(prefix + "-" + d);
        }
        SimulatedNode node = new SimulatedNode(NODE, devices, skus, new Random(prefix.hashCode()), Clock.systemUTC());
        DeviceEventMapper mapper = new DeviceEventMapper();
        List<Published> stream = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            SimulatedNode.Message message = node.next();
            String payload = mapper.write(message.payload());
            stream.add(new Published(message.topic(), payload, mapper.read(message.topic(), payload).ledgerEventId()));
        }
        return stream;
    }

    static List<String> skuCodes() {
        List<String> skus = new ArrayList<>();
        for (int i = 1; i <= SKUS; i++) {
            skus.add(String.format("BENCH-%03d", i));
        }
        return skus;
    }

    private static List<String> seed(ConfigurableApplicationContext context) {
        context.getBean(NetworkService.class).save(TestData.node(NODE, NodeType.DC, "Brooklyn", "11201", Capability.SHIP));
        CatalogService catalog = context.getBean(CatalogService.class);
        List<String> skus = skuCodes();
        skus.forEach(sku -> catalog.save(TestData.sku(sku)));
        return skus;
    }

    private record Run(int events, double seconds, long cpuNanos, long[] latencies, DeviceMessageBatcher.Batches batches,
                       long publisherCpuNanos) {
        double perSecond() {
            return events / seconds;
        }

        double cpuMsPerEvent() {
            return cpuNanos / 1e6 / events;
        }

        double publisherCpuMsPerEvent() {
            return publisherCpuNanos / 1e6 / events;
        }

        /** Events/s if this process (and the publisher JVM, if any) had the cores to itself: what the CPU per event allows. */
        double ceiling(int cores) {
            return cores * 1000 / (cpuMsPerEvent() + publisherCpuMsPerEvent());
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Notes when each published event was committed to the ledger. */
    @Configuration(proxyBeanMethods = false)
    static class CommitClock {
        private final Map<String, Long> publishedAt = new ConcurrentHashMap<>();
        private final AtomicInteger committed = new AtomicInteger();
        private final AtomicLong lastCommit = new AtomicLong();
        private long[] latencies = new long[0];
        private int expected;

        @Bean
        CommitClock.Listener commitListener() {
            return new Listener(this);
        }

        synchronized void expect(int events) {
            publishedAt.clear();
            committed.set(0);
            latencies = new long[events];
            expected = events;
        }

        void published(String ledgerEventId, long nanos) {
            publishedAt.put(ledgerEventId, nanos);
        }

        void committed(String ledgerEventId) {
            long now = System.nanoTime();
            Long published = publishedAt.get(ledgerEventId);
            if (published != null) {
                int i = committed.getAndIncrement();
                if (i < latencies.length) {
                    latencies[i] = now - published;
                }
                lastCommit.set(now);
            }
        }

        long awaitAll(long timeoutMillis) throws InterruptedException {
            long until = System.currentTimeMillis() + timeoutMillis;
            while (committed.get() < expected) {
                if (System.currentTimeMillis() > until) {
                    throw new IllegalStateException("only " + committed.get() + " of " + expected + " events committed in time");
                }
                Thread.sleep(5);
            }
            return lastCommit.get();
        }

        long[] latencies() {
            return Arrays.copyOf(latencies, Math.min(committed.get(), latencies.length));
        }

        record Listener(CommitClock clock) {
            @TransactionalEventListener
            void on(DeviceEventApplied applied) {
                clock.committed(applied.event().ledgerEventId());
            }
        }
    }

    private static double percentileMs(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }

    private static String latencies(long[] nanos) {
        return fmt(percentileMs(nanos, 50), 2) + " / " + fmt(percentileMs(nanos, 99), 2) + " / " + fmt(percentileMs(nanos, 100), 1);
    }

    private static void row(String figure, String value, String target, String verdict) {
        System.out.printf(Locale.ROOT, "  %-48s %22s   %-8s %s%n", figure, value, target, verdict);
    }

    private static void result(String keys, double value, int decimals) {
        System.out.println("RESULT " + keys + " value=" + fmt(value, decimals));
    }

    private static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }
}
