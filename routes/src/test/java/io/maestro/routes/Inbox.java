package io.maestro.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** A partner's inbox folder in a test: drop a file the way a partner does (written aside, then renamed in), wait. */
final class Inbox {

    private final Path folder;

    Inbox(String dataDir, String partner) {
        this.folder = Path.of(dataDir, "inbox", partner);
    }

    void empty() {
        if (Files.exists(folder)) {
            try (Stream<Path> all = Files.walk(folder)) {
                all.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(folder)).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Path drop(String name, String content) {
        return drop(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Path drop(String name, byte[] content) {
        try {
            Files.createDirectories(folder);
            Path aside = Files.write(folder.getParent().resolve(name + ".part"), content);
            return Files.move(aside, folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path(String relative) {
        return folder.resolve(relative);
    }

    String read(String relative) {
        try {
            return Files.readString(folder.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the file has been taken and moved to {@code done/} or {@code error/}. */
    void awaitMoved(String relative) {
        await(() -> Files.exists(folder.resolve(relative)), "file " + relative);
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
