package io.maestro.app.config;

import io.maestro.app.demo.DemoNetworkAndCatalog;
import io.maestro.app.security.ApiKeys;
import io.maestro.app.security.Role;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * What a first start needs: role groups and an administrator always; with demo data on, the demo
 * users ({@code admin/admin}, {@code analyst/analyst}, {@code operator/operator}, {@code viewer/viewer},
 * {@code associate/associate} in store-associate, {@code clerk/clerk} in returns-clerk),
 * the integration key {@code demo-integration-key}, and the demo network, catalog and stock. A run without demo
 * data and without an administrator's password never gets here: {@link AdminPasswordRequired} refuses it first.
 */
@Component
@ConditionalOnWebApplication
public class StartupData implements ApplicationRunner {

    static final String DEMO_API_KEY = "demo-integration-key";
    private static final Logger log = LoggerFactory.getLogger(StartupData.class);

    private final MaestroProperties properties;
    private final IdentityBootstrap identity;
    private final ApiKeys apiKeys;
    private final DemoNetworkAndCatalog demo;

    public StartupData(MaestroProperties properties, IdentityBootstrap identity, ApiKeys apiKeys, DemoNetworkAndCatalog demo) {
        this.properties = properties;
        this.identity = identity;
        this.apiKeys = apiKeys;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        identity.ensureGroups();
        String adminPassword = properties.adminPassword() == null || properties.adminPassword().isBlank()
                ? "admin" : properties.adminPassword();
        identity.ensureUser("admin", adminPassword, "Administrator", List.of(Role.ADMIN.groupId(), Role.CAMUNDA_ADMIN_GROUP));
        int leftovers = apiKeys.removeStoredWorkerKeys();
        if (leftovers > 0) {
            log.info("Removed {} in-process worker key(s) stored by earlier versions (the worker's key is in memory now)",
                    leftovers);
        }
        if (!properties.demoEnabled()) {
            return;
        }
        identity.ensureUser("analyst", "analyst", "Analyst", List.of(Role.ANALYST.groupId()));
        identity.ensureUser("operator", "operator", "Operator", List.of(Role.OPERATOR.groupId()));
        identity.ensureUser("viewer", "viewer", "Viewer", List.of(Role.VIEWER.groupId()));
        identity.ensureUser("associate", "associate", "Store associate", List.of("store-associate"));
        identity.ensureUser("clerk", "clerk", "Returns clerk", List.of("returns-clerk"));
        if (!apiKeys.exists("demo-integration")) {
            apiKeys.create("demo-integration", DEMO_API_KEY, Role.INTEGRATION);
        }
        if (demo.loadIfEmpty()) {
            log.info("Loaded the demo network, catalog and stock");
        }
    }
}
