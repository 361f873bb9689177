package io.maestro.core.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the benchmark runs: {@code MAESTRO_DB_URL} when set, else an embedded PostgreSQL server that
 * this object owns and stops (its own shutdown hook does not survive exec:java's class loader being
 * closed), or a temporary H2 file database that it deletes.
 */
final class BenchDatabase implements AutoCloseable {

    final String label;
    final List<String> springArgs;
    private final EmbeddedPostgres server;
    private final Path h2Directory;

    private BenchDatabase(String label, List<String> springArgs, EmbeddedPostgres server, Path h2Directory) {
        this.label = label;
        this.springArgs = springArgs;
        this.server = server;
        this.h2Directory = h2Directory;
    }

    static BenchDatabase open(String db) throws IOException {
        if (db.equals("h2")) {
            Path directory = Files.createTempDirectory("maestro-bench-h2");
            return new BenchDatabase("H2 file database in " + directory, List.of(
                    "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("maestro"),
                    "--spring.datasource.username=sa", "--spring.datasource.password="), null, directory);
        }
        String url = System.getenv("MAESTRO_DB_URL");
        if (url != null) {
            return new BenchDatabase("PostgreSQL at MAESTRO_DB_URL", List.of("--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + System.getenv().getOrDefault("MAESTRO_DB_USER", ""),
                    "--spring.datasource.password=" + System.getenv().getOrDefault("MAESTRO_DB_PASSWORD", "")), null, null);
        }
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        return new BenchDatabase("embedded PostgreSQL (zonky, its default server settings)", List.of(
                "--spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"), server, null);
    }

    /**
     * The embedded server's postmaster, whose CPU time (with its backends') can be read; empty otherwise.
     * It is the parent of any backend: zonky starts it through pg_ctl, which exits.
     */
    Optional<ProcessHandle> serverProcess(JdbcTemplate jdbc) {
        if (server == null) {
            return Optional.empty();
        }
        Integer backend = jdbc.queryForObject("select pg_backend_pid()", Integer.class);
        return ProcessHandle.of(backend).flatMap(ProcessHandle::parent);
    }

    /** True when {@link CpuMeter} sees all the database's work: H2 runs in this JVM, the embedded server is local. */
    boolean cpuFullyVisible() {
        return server != null || h2Directory != null;
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        if (h2Directory != null) {
            try (Stream<Path> paths = Files.walk(h2Directory)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
