package io.maestro.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.testing.EmbeddedPostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The production profile on a real PostgreSQL: no default credentials, an admin password required. */
class PostgresProfileTest {

    /** Refused on the configuration alone: the database is neither migrated nor even connected to. */
    @Test
    void refusesToStartWithoutAnAdminPasswordBeforeTouchingTheDatabase() throws Exception {
        String url = EmbeddedPostgresDatabase.newDatabaseUrl();

        assertThatThrownBy(() -> start(url, "")).hasStackTraceContaining("set MAESTRO_ADMIN_PASSWORD");
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement();
             ResultSet tables = s.executeQuery("select count(*) from information_schema.tables where table_schema = 'public'")) {
            tables.next();
            assertThat(tables.getInt(1)).as("tables created").isZero();
        }
        assertThatThrownBy(() -> start("jdbc:postgresql://localhost:1/nowhere", ""))
                .as("no database at all: the password is what is missing").hasStackTraceContaining("set MAESTRO_ADMIN_PASSWORD");
    }

    @Test
    void runsOnPostgresWithOnlyTheAdministrator() {
        try (ConfigurableApplicationContext app = start(EmbeddedPostgresDatabase.newDatabaseUrl(), "s3cret-Admin")) {
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());

            assertThat(api.get("/actuator/health", Api.Auth.NONE).body()).contains("UP");
            assertThat(api.get("/api/nodes", Api.Auth.basic("admin", "s3cret-Admin")).status()).isEqualTo(200);
            assertThat(api.get("/api/nodes", Api.Auth.basic("admin", "s3cret-Admin")).body()).isEqualTo("[]");
            assertThat(api.get("/api/nodes", Api.Auth.user("admin")).status()).isEqualTo(401);
            assertThat(api.get("/api/nodes", Api.Auth.user("viewer")).status()).isEqualTo(401);
            assertThat(api.get("/api/nodes", Api.INTEGRATION).status()).isEqualTo(401);
        }
    }

    private static ConfigurableApplicationContext start(String url, String adminPassword) {
        return new SpringApplicationBuilder(MaestroApplication.class).profiles("postgres").run(
                "--server.port=0",
                // Camunda's webapps and long polling keep static state that closing an application clears.
                "--camunda.bpm.webapp.enabled=false",
                "--maestro.worker.enabled=false",
                "--maestro.mqtt.enabled=false",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--maestro.security.admin-password=" + adminPassword);
    }
}
