package io.maestro.core.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at a fresh database on the embedded PostgreSQL server. */
public final class PostgresProfile {

    private PostgresProfile() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        String url = EmbeddedPostgresDatabase.newDatabaseUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
    }
}
