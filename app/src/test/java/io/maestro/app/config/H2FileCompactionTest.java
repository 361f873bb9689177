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
 * The default run's H2 file stays near the size of its data under durable commits. With H2's own retention time the
 * same 5,000 commits left a file of about 184 MB for 50 kB of rows; with the default run's URL and the compaction
 * every minute (here every 500 commits) it stays at a few MB.
 */
class H2FileCompactionTest {

    private static final int COMMITS = 5_000;

    @TempDir Path dir;

    @Test
    void manyCommitsToTheSameRowsDoNotGrowTheFile() throws SQLException, java.io.IOException {
        DriverManagerDataSource h2 = new DriverManagerDataSource(LifecycleBenchmark.h2FileUrl(dir), "sa", "");
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
    void aUrlWithoutTheRetentionTimeIsSetToReuseSpaceAtOnce() throws SQLException {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=-1",
                "sa", "");
        assertThat(retention(h2)).as("H2's default").isEqualTo(45_000);

        new H2FileCompaction(h2).afterSingletonsInstantiated();

        assertThat(retention(h2)).isZero();
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("shutdown");
        }
    }

    private static int retention(DriverManagerDataSource h2) throws SQLException {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            return Integer.parseInt(DurableCommits.setting(s, "select setting_value from information_schema.settings "
                    + "where setting_name = 'RETENTION_TIME'"));
        }
    }
}
