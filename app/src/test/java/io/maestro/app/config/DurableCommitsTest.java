package io.maestro.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** An H2 file database that writes commits with a delay is made to write each commit before it returns. */
class DurableCommitsTest {

    @TempDir Path dir;

    @Test
    void anH2FileDatabaseWithH2sDefaultWriteDelayIsSetToWriteEachCommitAtOnce() throws SQLException {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=-1",
                "sa", "");
        assertThat(writeDelay(h2)).as("H2's default").isEqualTo(500);

        assertThat(new DurableCommits(h2).ensure()).isEmpty();

        assertThat(writeDelay(h2)).isZero();
        shutdown(h2);
    }

    @Test
    void theDefaultRunsUrlAsksForItAlready() throws SQLException {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("db")
                + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0", "sa", "");
        assertThat(writeDelay(h2)).isZero();
        shutdown(h2);
    }

    private static int writeDelay(DriverManagerDataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return DurableCommits.h2WriteDelay(s);
        }
    }

    private static void shutdown(DriverManagerDataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("shutdown");
        }
    }
}
