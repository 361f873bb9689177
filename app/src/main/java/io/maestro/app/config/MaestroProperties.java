package io.maestro.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Maestro's own settings ({@code maestro.*}).
 *
 * @param dataDir where the default run keeps its H2 database and files
 * @param demo whether the first start loads the demo network, catalog, stock and demo credentials
 * @param security the administrator's password for runs without demo credentials
 */
@ConfigurationProperties("maestro")
public record MaestroProperties(String dataDir, Demo demo, Security security) {

    public record Demo(boolean enabled) {
    }

    public record Security(String adminPassword) {
    }

    public boolean demoEnabled() {
        return demo != null && demo.enabled();
    }

    public String adminPassword() {
        return security == null ? null : security.adminPassword();
    }
}
