package io.maestro.devices.simulator;

import io.maestro.devices.event.DeviceEventMapper;
import io.maestro.devices.event.DeviceEventType;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code ./maestro devices simulate --node DC-BROOKLYN [--devices 3] [--rate 50/s] [--duration 60s | --events N]
 * [--url tcp://localhost:1883] [--skus A,B] [--seed 42]}: publishes a realistic stream of one node's devices to
 * the broker Maestro listens to, with a progress line.
 */
public final class DeviceSimulator {

    private static final String USAGE = "usage: ./maestro devices simulate --node NODE [--devices 3] [--rate 50/s] "
            + "[--duration 60s | --events N] [--url tcp://localhost:1883] [--skus SKU,SKU…] [--seed N]";

    private final Options options;
    private final PrintStream out;

    DeviceSimulator(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try {
            new DeviceSimulator(options, System.out).run();
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage() + " (is Maestro running? --url names the broker)");
            System.exit(1);
        }
    }

    void run() {
        List<String> deviceIds = new ArrayList<>();
        for (int i = 1; i <= options.devices; i++) {
            deviceIds.add(String.format(i == 1 ? "RFID-%02d" : "HH-%02d", i));
        }
        SimulatedNode node = new SimulatedNode(options.node, deviceIds, options.skus, new Random(options.seed), Clock.systemUTC());
        DeviceEventMapper mapper = new DeviceEventMapper();
        Map<DeviceEventType, Long> sent = new EnumMap<>(DeviceEventType.class);
        out.printf("Simulating %d device(s) %s at %s: %.0f events/s, %s, %d SKUs, broker %s%n", options.devices, deviceIds,
                options.node, options.rate, options.events > 0 ? options.events + " events" : options.duration.toSeconds() + " s",
                options.skus.size(), options.url);
        long start = System.nanoTime();
        long end = options.events > 0 ? Long.MAX_VALUE : start + options.duration.toNanos();
        long lastProgress = start;
        long count = 0;
        try (DevicePublisher publisher = new DevicePublisher(options.url, "simulator-" + options.node)) {
            while ((options.events <= 0 || count < options.events) && System.nanoTime() < end) {
                long due = start + (long) (count * 1_000_000_000d / options.rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    sleep(wait);
                }
                SimulatedNode.Message message = node.next();
                publisher.publish(message.topic(), mapper.write(message.payload()));
                sent.merge(message.type(), 1L, Long::sum);
                count++;
                if (System.nanoTime() - lastProgress >= 1_000_000_000L) {
                    lastProgress = System.nanoTime();
                    progress(count, sent, start, publisher.confirmed(), false);
                }
            }
            publisher.close();
            progress(count, sent, start, publisher.confirmed(), true);
        }
    }

    private void progress(long count, Map<DeviceEventType, Long> sent, long start, long confirmed, boolean done) {
        double seconds = (System.nanoTime() - start) / 1e9;
        String bar = "";
        if (options.events > 0 || options.duration != null) {
            double share = options.events > 0 ? (double) count / options.events : Math.min(1, seconds / options.duration.toSeconds());
            int filled = (int) Math.round(share * 30);
            bar = "[" + "#".repeat(filled) + "-".repeat(30 - filled) + "] ";
        }
        out.printf("\r%s%d sent, %d confirmed, %.1f/s | counts %d, receipts %d, picks %d, shrink %d%s",
                bar, count, confirmed, count / Math.max(seconds, 0.001), sent.getOrDefault(DeviceEventType.RFID_COUNT, 0L),
                sent.getOrDefault(DeviceEventType.RECEIPT, 0L), sent.getOrDefault(DeviceEventType.PICK, 0L),
                sent.getOrDefault(DeviceEventType.SHRINK, 0L), done ? String.format("%nDone in %.1f s.%n", seconds) : "");
        out.flush();
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command line, checked. */
    record Options(String node, int devices, double rate, Duration duration, long events, String url, List<String> skus,
                   long seed) {

        static Options parse(String[] args) {
            String node = null;
            int devices = 3;
            double rate = 50;
            Duration duration = Duration.ofSeconds(60);
            long events = 0;
            String url = "tcp://localhost:1883";
            List<String> skus = null;
            long seed = 42;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                String value = name.contains("=") ? name.substring(name.indexOf('=') + 1) : null;
                name = name.contains("=") ? name.substring(0, name.indexOf('=')) : name;
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    value = args[++i];
                }
                switch (name) {
                    case "--node" -> node = value;
                    case "--devices" -> devices = positive(name, value);
                    case "--rate" -> rate = positive(name, value.replace("/s", ""));
                    case "--duration" -> duration = Duration.ofSeconds(positive(name, value.replace("s", "")));
                    case "--events" -> events = positive(name, value);
                    case "--url" -> url = value;
                    case "--skus" -> skus = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
                    case "--seed" -> seed = positive(name, value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (node == null || node.isBlank()) {
                throw new IllegalArgumentException("--node is required, e.g. --node DC-BROOKLYN");
            }
            if (skus == null) {
                skus = DemoCatalogue.skus();
            }
            if (skus.isEmpty()) {
                throw new IllegalArgumentException("no SKUs: give --skus (the demo catalogue " + DemoCatalogue.RESOURCE
                        + " is not on the class path)");
            }
            return new Options(node, devices, rate, duration, events, url, skus, seed);
        }

        private static int positive(String name, String value) {
            try {
                int number = Integer.parseInt(value.trim());
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a whole number above 0, not '" + value + "'");
        }
    }
}
