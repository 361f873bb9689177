package io.maestro.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.app.bench.LifecycleBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The default run's H2 file stays near the size of its data under durable commits: the space of dead chunks is reused
 * once the retention time has passed, and the compaction rewrites mostly dead chunks. With H2's own retention time
 * of 45 s the 5,000 commits below left a file of about 184 MB for 50 kB of rows.
 */
class H2FileCompactionTest {

    private static final int COMMITS = 5_000;

    @TempDir Path dir;

    /**
     * The default run's URL with a retention time of 20 ms, which these commits outlast many times over (at the
     * default run's 5 s they would all fall inside it; the default run writes far fewer commits per second).
     */
    @Test
    void manyCommitsToTheSameRowsReuseTheSpaceOfDeadChunks() throws SQLException, java.io.IOException {
        String url = LifecycleBenchmark.h2FileUrl(dir).replace("RETENTION_TIME=" + H2FileCompaction.RETENTION_MILLIS,
                "RETENTION_TIME=20");
        assertThat(url).contains("RETENTION_TIME=20");
        DriverManagerDataSource h2 = new DriverManagerDataSource(url, "sa", "");
        H2FileCompaction compaction = new H2FileCompaction(h2);
        compaction.afterSingletonsInstantiated();
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table counter (id int primary key, note varchar(500))");
            for (int i = 0; i < 100; i++) {
                s.execute("insert into counter values (" + i + ", '')");
            }
            PreparedStatement update = c.prepareStatement("update counter set note = ? where id = ?");
            for (int i = 0; i < COMMITS; i++) {
                update.setString(1, "note " + "x".repeat(400) + i);
                update.setInt(2, i % 100);
                update.executeUpdate();
                if (i % 500 == 0) {
                    compaction.compact();
                }
            }
            assertThat(Files.size(dir.resolve("maestro.mv.db"))).as("bytes of the database file")
                    .isLessThan(20_000_000L);
            s.execute("shutdown");
        }
    }

    @Test
    void theDefaultRunKeepsDeadChunksForFiveSeconds() throws SQLException {
        DriverManagerDataSource h2 = new DriverManagerDataSource(LifecycleBenchmark.h2FileUrl(dir), "sa", "");

        new H2FileCompaction(h2).afterSingletonsInstantiated();

        assertThat(retention(h2)).isEqualTo(5_000);
        shutdown(h2);
    }

    @Test
    void aUrlWithoutTheRetentionTimeGetsTheDefaultRunsInsteadOfH2s() throws SQLException {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=-1",
                "sa", "");
        assertThat(retention(h2)).as("H2's default").isEqualTo(45_000);

        new H2FileCompaction(h2).afterSingletonsInstantiated();

        assertThat(retention(h2)).isEqualTo(5_000);
        shutdown(h2);
    }

    @Test
    void aRetentionTimeTheUrlNamesIsKept() throws SQLException {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("db")
                + ";DB_CLOSE_DELAY=-1;RETENTION_TIME=1000", "sa", "");

        new H2FileCompaction(h2).afterSingletonsInstantiated();

        assertThat(retention(h2)).isEqualTo(1_000);
        shutdown(h2);
    }

    private static int retention(DriverManagerDataSource h2) throws SQLException {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            return Integer.parseInt(DurableCommits.setting(s, "select setting_value from information_schema.settings "
                    + "where setting_name = 'RETENTION_TIME'"));
        }
    }

    private static void shutdown(DriverManagerDataSource h2) throws SQLException {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("shutdown");
        }
    }
}
