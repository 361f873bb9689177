package io.maestro.devices.mqtt;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.migration.meta.PersistenceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How the embedded broker keeps its stores on disk. HiveMQ's defaults fit a dedicated broker host: 64 RocksDB
 * databases per store, each preallocating a 4 MB manifest and a write-ahead log as large as its share of the
 * machine's physical memory, so a fresh data directory took 0.5–1.7 GB for a broker that holds a few sessions.
 * New stores get {@link #BUCKETS} buckets, retained messages in HiveMQ's Xodus store (no preallocation) and payload
 * memtables of at most {@link #PAYLOAD_MEMTABLE_BYTES} per bucket. A store written earlier keeps its bucket count and
 * its kind: a key's bucket is its hash modulo the count, and this embedded build migrates no store from one kind to
 * the other, so anything else would not find what the store holds.
 */
final class BrokerStores {

    static final int BUCKETS = 4;
    static final long PAYLOAD_MEMTABLE_BYTES = 16L * 1024 * 1024;

    private static final Pattern BUCKET = Pattern.compile(".*_\\d+");
    /** HiveMQ's folder name of a RocksDB store version ends with this; its Xodus stores' do not. */
    private static final String ROCKSDB_VERSION = "_R";

    private BrokerStores() {
    }

    /** Sets HiveMQ's (JVM-wide, static) store settings for the broker whose data folder this is. */
    static void configure(Path dataFolder) {
        InternalConfigurations.PERSISTENCE_BUCKET_COUNT.set(buckets(dataFolder, "client_session_store"));
        int payloadBuckets = buckets(dataFolder, "publish_payload_store");
        InternalConfigurations.PAYLOAD_PERSISTENCE_BUCKET_COUNT.set(payloadBuckets);
        long portion = physicalMemory() / (PAYLOAD_MEMTABLE_BYTES * payloadBuckets);
        InternalConfigurations.PAYLOAD_PERSISTENCE_MEMTABLE_SIZE_PORTION.set(
                (int) Math.max(InternalConfigurations.PAYLOAD_PERSISTENCE_MEMTABLE_SIZE_PORTION.get(),
                        Math.min(Integer.MAX_VALUE, portion)));
        InternalConfigurations.RETAINED_MESSAGE_PERSISTENCE_TYPE.set(
                versions(dataFolder, "retained_messages").anyMatch(v -> v.getFileName().toString().endsWith(ROCKSDB_VERSION))
                        ? PersistenceType.FILE_NATIVE : PersistenceType.FILE);
    }

    /** The bucket count of the store {@code name}, or {@link #BUCKETS} for a store not written yet. */
    static int buckets(Path dataFolder, String name) {
        return versions(dataFolder, name).mapToInt(BrokerStores::bucketsIn).filter(count -> count > 0).max()
                .orElse(BUCKETS);
    }

    private static Stream<Path> versions(Path dataFolder, String name) {
        Path store = dataFolder.resolve("persistence").resolve(name);
        if (!Files.isDirectory(store)) {
            return Stream.empty();
        }
        try (Stream<Path> versions = Files.list(store)) {
            return versions.filter(Files::isDirectory).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedded MQTT broker's store " + store, e);
        }
    }

    private static int bucketsIn(Path version) {
        try (Stream<Path> buckets = Files.list(version)) {
            return (int) buckets.filter(p -> Files.isDirectory(p) && BUCKET.matcher(p.getFileName().toString()).matches())
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedded MQTT broker's store " + version, e);
        }
    }

    /** The figure HiveMQ divides among its memtables: the machine's physical memory. */
    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getTotalMemorySize() > 0) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }
}
