package io.maestro.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server (zonky's binaries from Maven Central) per test JVM, started on first
 * use; every caller gets a fresh empty database on it. The test contexts Spring keeps open hold their
 * connection pools, one pool per database: 300 connections were not enough for core's tests.
 */
public final class EmbeddedPostgresDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresDatabase() {
    }

    /** Creates a new database and returns its JDBC URL (user and password: postgres). */
    public static synchronized String newDatabaseUrl() {
        String name = "maestro_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "1000").start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
        }
        return server;
    }
}
