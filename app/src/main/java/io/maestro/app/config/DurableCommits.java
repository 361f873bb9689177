package io.maestro.app.config;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * A {@code 2xx} means the change is on disk: every commit must be durable before it returns. An H2 database with a
 * write delay (H2's default is 500 ms: commits reach the file in the background, a crash loses the last ones) is
 * set to {@code WRITE_DELAY 0} at start; a PostgreSQL server with {@code synchronous_commit} or {@code fsync} off is
 * named in a warning (that is the database administrator's choice, and a server crash would lose acknowledged work).
 * Runs once the beans are created, before the web server takes requests.
 */
@Component
public class DurableCommits implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

    private final DataSource dataSource;

    public DurableCommits(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            ensure().forEach(log::warn);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check that the database's commits are durable", e);
        }
    }

    /** Makes H2's commits durable where it can; returns what remains not durable (empty when all is well). */
    public List<String> ensure() throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (product.equals("H2") && !c.getMetaData().getURL().startsWith("jdbc:h2:mem:")) {
                int delay = h2WriteDelay(s);
                if (delay != 0) {
                    s.execute("SET WRITE_DELAY 0");
                    log.warn("H2 wrote commits with a delay of {} ms (acknowledged work would be lost on a crash): "
                            + "set to WRITE_DELAY 0; name WRITE_DELAY=0 in the database URL to keep it so", delay);
                }
            } else if (product.equals("PostgreSQL")) {
                if (setting(s, "show synchronous_commit").equals("off")) {
                    problems.add("PostgreSQL runs with synchronous_commit = off: work Maestro acknowledged can be lost "
                            + "when the database server crashes; set it to on (or local, remote_write, remote_apply)");
                }
                if (setting(s, "show fsync").equals("off")) {
                    problems.add("PostgreSQL runs with fsync = off: a server crash can lose or corrupt committed data");
                }
            }
        }
        return problems;
    }

    static int h2WriteDelay(Statement s) throws SQLException {
        return Integer.parseInt(setting(s, "select setting_value from information_schema.settings "
                + "where setting_name = 'WRITE_DELAY'"));
    }

    static String setting(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
