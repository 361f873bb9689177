package io.maestro.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.app.Api;
import io.maestro.app.MaestroApplication;
import io.maestro.core.inventory.LedgerRebuild;
import io.maestro.integrations.PartnerProperties;
import io.maestro.integrations.nodes.NodePartners;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One try of the chaos property: an application of its own on the database given, the sandbox partners answering
 * fast but rejecting a share of releases, the plan sent, then — once nothing moves — every invariant checked.
 */
final class ChaosCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosCheck.class);

    /** The upper bound for coming to rest; beyond it the test fails with what still moved. */
    private static final Duration QUIESCENCE_BOUND = Duration.ofMinutes(4);

    private ChaosCheck() {
    }

    static void run(ChaosPlan plan, String database, List<String> databaseArgs) throws Exception {
        Instant began = Instant.now();
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--maestro.data-dir=" + Files.createTempDirectory("maestro-chaos"), "--maestro.sandbox.mail.port=0",
                "--camunda.bpm.webapp.enabled=false", "--maestro.demo.enabled=true", "--maestro.sandbox.enabled=true",
                "--maestro.sandbox.speed=0.25", "--maestro.sandbox.rejection-rate=0.1", "--maestro.sandbox.delay-rate=0.2",
                "--maestro.fulfillment.partner-event-poll-millis=200", "--logging.level.root=WARN"));
        args.addAll(databaseArgs);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MaestroApplication.class)
                .profiles(database.equals("PostgreSQL") ? new String[] {"postgres"} : new String[0])
                .run(args.toArray(String[]::new))) {
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            ChaosStock.create(api);
            Instant sent = Instant.now();
            ChaosRun run = new ChaosRun(api, jdbc, new PartnerEvents(((WebServerApplicationContext) app).getWebServer().getPort(),
                    app.getBean(NodePartners.class), app.getBean(PartnerProperties.class)));
            ChaosRecord record = run.run(plan);
            Duration sending = Duration.between(sent, Instant.now());
            Duration rest = new Quiescence(jdbc).await(QUIESCENCE_BOUND);
            ChaosInvariants invariants = new ChaosInvariants(api, jdbc, app.getBean(RuntimeService.class),
                    app.getBean(LedgerRebuild.class));
            List<String> violations = invariants.check(record, run.orderIds().keySet());
            LOG.info(String.format(Locale.ROOT, "Chaos on %s: %d orders, %d steps, %d partner outages; sending %.1f s, at rest after %.1f s more, "
                            + "%.1f s in all%n  answers: %s%n  final statuses: %s%n  /api/exceptions: %s%n  commands: %s%n"
                            + "  incidents: %s%n  violations: %d%n", database, plan.orders().size(), plan.steps(), plan.faults().size(),
                    sending.toMillis() / 1000.0, rest.toMillis() / 1000.0, Duration.between(began, Instant.now()).toMillis() / 1000.0,
                    record.counts(), invariants.statuses(), invariants.exceptionKinds(),
                    jdbc.queryForList("select type, status, count(*) n from order_command group by type, status order by type, status"),
                    jdbc.queryForList("select ACTIVITY_ID_, INCIDENT_MSG_, count(*) n from ACT_RU_INCIDENT "
                            + "group by ACTIVITY_ID_, INCIDENT_MSG_"), violations.size()));
            violations.forEach(v -> LOG.warn("VIOLATION {}", v));
            assertThat(run.orderIds()).as("orders placed").hasSize(plan.orders().size());
            assertThat(violations).as("broken promises after chaos on %s", database).isEmpty();
        }
    }
}
