package io.maestro.devices.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How many buckets the embedded broker splits each of its stores into. HiveMQ's default of 64 opens 64 RocksDB
 * databases per store, each preallocating its files: a fresh data directory took 0.5–1.7 GB for a broker that holds
 * a few sessions. A new store gets {@link #FOR_NEW_STORES}; a store written earlier keeps the count it was written with
 * (a key's bucket is its hash modulo the count: another count would not find what the store holds).
 */
final class BrokerBuckets {

    static final int FOR_NEW_STORES = 4;

    private static final Pattern BUCKET = Pattern.compile(".*_\\d+");

    private BrokerBuckets() {
    }

    /** The bucket count of the store {@code name} under HiveMQ's data folder, or {@link #FOR_NEW_STORES} if none. */
    static int of(Path dataFolder, String name) {
        Path store = dataFolder.resolve("persistence").resolve(name);
        if (!Files.isDirectory(store)) {
            return FOR_NEW_STORES;
        }
        try (Stream<Path> versions = Files.list(store)) {
            return versions.filter(Files::isDirectory).mapToInt(BrokerBuckets::buckets).max().stream()
                    .filter(count -> count > 0).findFirst().orElse(FOR_NEW_STORES);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedded MQTT broker's store " + store, e);
        }
    }

    private static int buckets(Path version) {
        try (Stream<Path> buckets = Files.list(version)) {
            return (int) buckets.filter(p -> Files.isDirectory(p) && BUCKET.matcher(p.getFileName().toString()).matches())
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedded MQTT broker's store " + version, e);
        }
    }
}
