package io.maestro.core.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time used by this JVM and, when the database server runs on this machine as a process we know
 * (the embedded PostgreSQL), by the server and its backends. CPU per operation does not depend on what
 * else shares the cores, so it says what the figures would be on an idle machine.
 */
final class CpuMeter {

    record Reading(long jvmNanos, long serverNanos) {

        Reading minus(Reading earlier) {
            return new Reading(jvmNanos - earlier.jvmNanos, serverNanos - earlier.serverNanos);
        }
    }

    private final Optional<ProcessHandle> server;

    CpuMeter(Optional<ProcessHandle> server) {
        this.server = server;
    }

    boolean seesServer() {
        return server.isPresent();
    }

    Reading read() {
        long serverNanos = server.map(root -> Stream.concat(Stream.of(root), root.descendants())
                .mapToLong(CpuMeter::cpuNanos).sum()).orElse(0L);
        return new Reading(cpuNanos(ProcessHandle.current()), serverNanos);
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
