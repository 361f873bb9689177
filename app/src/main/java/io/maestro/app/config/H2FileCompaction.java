package io.maestro.app.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the default run's H2 file from growing without bound. With durable commits ({@code WRITE_DELAY 0}) every
 * commit writes a chunk of its own, and H2 runs no background writer, so nothing rewrites old chunks; with H2's
 * default retention of 45 s a chunk's space is reused only 45 s after its last page died, so under load the file grew
 * by megabytes per order. So the database runs with {@code RETENTION_TIME 5000} ({@link #RETENTION_MILLIS}, set at
 * start when the URL does not name it), and every minute the chunks that are mostly dead are rewritten, as H2's
 * background writer would. Not 0: with no retention at all a reader could meet a chunk freed under it ("Chunk … not
 * found", seen once in some twenty lifecycle benchmarks, in the table statistics H2 gathers after a commit; H2 issue
 * 4383, and a file that no longer opens in other MVStore users at 0). PostgreSQL and in-memory H2 are left alone.
 */
@Component
public class H2FileCompaction implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);
    /** How long a dead chunk's space is kept before it is reused: longer than any read of the default run. */
    static final int RETENTION_MILLIS = 5_000;
    private static final int H2_DEFAULT_RETENTION_MILLIS = 45_000;
    /** Chunks whose live share is below this are rewritten. */
    static final int TARGET_FILL_RATE = 80;
    /** At most this much is rewritten per run, so one run never holds the store for long. */
    static final int WRITE_LIMIT_BYTES = 16 * 1024 * 1024;

    private final DataSource dataSource;

    public H2FileCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (isH2File(c)) {
                int retention = Integer.parseInt(DurableCommits.setting(s, "select setting_value from "
                        + "information_schema.settings where setting_name = 'RETENTION_TIME'"));
                if (retention == H2_DEFAULT_RETENTION_MILLIS) {
                    s.execute("SET RETENTION_TIME " + RETENTION_MILLIS);
                    log.info("H2 kept old chunks for {} ms: set to RETENTION_TIME {} so the file reuses their space "
                            + "sooner; name RETENTION_TIME in the database URL to choose", retention, RETENTION_MILLIS);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the H2 database's retention time", e);
        }
    }

    /** Rewrites mostly dead chunks of an H2 file database; does nothing for any other database. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    public void compact() {
        try (Connection c = dataSource.getConnection()) {
            if (isH2File(c)) {
                MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
                        .getMvStore();
                store.compact(TARGET_FILL_RATE, WRITE_LIMIT_BYTES);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Compacting the H2 database file failed; the next run tries again", e);
        }
    }

    private static boolean isH2File(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().equals("H2") && !c.getMetaData().getURL().startsWith("jdbc:h2:mem:");
    }
}
