package io.maestro.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The few statements that differ between H2 and PostgreSQL, and the clock every row is stamped with. */
@Component
public class Database {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final boolean postgres;

    public Database(DataSource dataSource, JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.postgres = productName(dataSource).toLowerCase().contains("postgres");
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public boolean isPostgres() {
        return postgres;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /**
     * Inserts one row unless a row with the same key exists; true when inserted. Never aborts the
     * surrounding transaction: PostgreSQL skips the row itself, H2 rolls back only the statement.
     */
    public boolean insertIfAbsent(String insertSql, Object... args) {
        if (postgres) {
            return jdbc.update(insertSql + " on conflict do nothing", args) == 1;
        }
        try {
            return jdbc.update(insertSql, args) == 1;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    public long nextValue(String sequence) {
        String sql = postgres ? "select nextval('" + sequence + "')" : "select next value for " + sequence;
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    private static String productName(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database", e);
        }
    }
}
