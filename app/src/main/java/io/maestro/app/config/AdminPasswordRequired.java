package io.maestro.app.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Runs without demo data (the {@code postgres} profile) create no default credentials, so they need the
 * administrator's password. Checked on the configuration alone, before any bean exists: a run without it stops at
 * once, before it connects to, migrates or changes the database. A standalone worker (no web application) has no
 * users and needs none.
 */
public class AdminPasswordRequired implements EnvironmentPostProcessor, Ordered {

    static final String MESSAGE = "No administrator password: set MAESTRO_ADMIN_PASSWORD (or "
            + "maestro.security.admin-password). Runs without demo data create no default credentials.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean web = !"none".equalsIgnoreCase(environment.getProperty("spring.main.web-application-type", ""));
        boolean demo = environment.getProperty("maestro.demo.enabled", Boolean.class, false);
        String password = environment.getProperty("maestro.security.admin-password", "");
        if (web && !demo && password.isBlank()) {
            throw new IllegalStateException(MESSAGE);
        }
    }

    /** After the configuration files are read (they say whether demo data is on). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
