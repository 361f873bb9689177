package io.maestro.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.maestro.app.MaestroTest;
import io.maestro.core.deadletter.DeadLetterStatus;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.routes.PartnerCircuitBreakers;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.catalog.Sku;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.network.NetworkService;
import io.maestro.core.replenishment.ReplenishmentPolicy;
import io.maestro.processes.replenishment.ReplenishmentPlanner;
import io.maestro.processes.replenishment.ReplenishmentPolicies;
import io.maestro.workers.forecast.demand.Forecasts;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Alerts go out once when a condition starts and once when it ends, through the notification outbox (e-mail to the
 * operations address, here the sandbox mail server), however often the conditions are checked in between.
 */
@MaestroTest
class AlertsTest {

    @Autowired AlertChecker checker;
    @Autowired PartnerCircuitBreakers breakers;
    @Autowired DeadLetters deadLetters;
    @Autowired JdbcTemplate jdbc;
    @Autowired CatalogService catalog;
    @Autowired InventoryLedger ledger;
    @Autowired NetworkService network;
    @Autowired Forecasts forecasts;
    @Autowired ReplenishmentPlanner planner;
    @Autowired ReplenishmentPolicies policies;
    @Autowired StockoutRisks stockoutRisks;
    @Autowired MeterRegistry registry;

    @Test
    void aPartnerWhoseBreakerOpensIsReportedDownOnceAndClearedOnceItCloses() {
        CircuitBreaker swift = breakers.breaker("SWIFT");
        checker.check();
        int fired = sent("ALERT_FIRING", "partner-down swift");
        int resolved = sent("ALERT_RESOLVED", "partner-down swift");
        try {
            swift.transitionToOpenState();
            checker.check();
            checker.check();
            assertThat(sent("ALERT_FIRING", "partner-down swift")).isEqualTo(fired + 1);
            assertThat(state("partner-down:swift")).isEqualTo("FIRING");
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from notification "
                    + "where type = 'ALERT_FIRING' and subject like '%partner-down swift' and status = 'SENT' "
                    + "and recipient = 'operations@maestro.local'", Integer.class) == fired + 1);
        } finally {
            swift.transitionToClosedState();
        }
        checker.check();
        checker.check();
        assertThat(sent("ALERT_RESOLVED", "partner-down swift")).isEqualTo(resolved + 1);
        assertThat(state("partner-down:swift")).isEqualTo("RESOLVED");
        assertThat(sent("ALERT_FIRING", "partner-down swift")).isEqualTo(fired + 1);
    }

    @Test
    void deadLettersArrivingFasterThanTheyAreTakenRaiseOneAlertUntilTheyAreDealtWith() {
        // Whatever other tests left open is dealt with first, as an operator would.
        deadLetters.list(null, DeadLetterStatus.OPEN, 0, 1000).forEach(l -> deadLetters.discard(l.id(), "operator", null));
        checker.check();
        int fired = sent("ALERT_FIRING", "dead-letters-growing network");
        int resolved = sent("ALERT_RESOLVED", "dead-letters-growing network");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(deadLetters.record("alerts-test", "row-" + i, "{}", "unreadable row"));
        }
        checker.check();
        checker.check();
        assertThat(state("dead-letters-growing:network")).isEqualTo("FIRING");
        assertThat(sent("ALERT_FIRING", "dead-letters-growing network")).isEqualTo(fired + 1);

        ids.forEach(id -> deadLetters.discard(id, "operator", "test rows"));
        checker.check();
        assertThat(state("dead-letters-growing:network")).isEqualTo("RESOLVED");
        assertThat(sent("ALERT_RESOLVED", "dead-letters-growing network")).isEqualTo(resolved + 1);
    }

    @Test
    void aSkuWhoseAtpFallsBelowItsLeadTimeDemandRaisesOneAlertUntilStockArrives() {
        String node = "DC-EDISON";
        String sku = "STOCKOUT-" + System.nanoTime();
        catalog.save(new Sku(sku, "Stockout test", "TSHIRTS", new BigDecimal("0.25"), BigDecimal.TEN, BigDecimal.TEN,
                BigDecimal.ONE, false, false));
        // The node's only forecast: 20 units a day (its ABC class, and so its policy, depend on no other SKU).
        jdbc.update("delete from demand_forecast where node_id = ?", node);
        jdbc.update("insert into demand_forecast (sku, node_id, bucket, method, parameters, backtest_error, "
                        + "history_buckets, censored_buckets, dispersion, first_bucket, mean_per_bucket, computed_at) "
                        + "values (?, ?, 'DAY', 'SES', 'alpha=0.1', null, 365, 0, 1.0, ?, ?, ?)", sku, node,
                LocalDate.now(ZoneOffset.UTC), String.join(";", Collections.nCopies(90, "20.0")),
                OffsetDateTime.now(ZoneOffset.UTC));
        jdbc.update("insert into demand_forecast (sku, node_id, bucket, method, parameters, backtest_error, "
                        + "history_buckets, censored_buckets, dispersion, first_bucket, mean_per_bucket, computed_at) "
                        + "values (?, '@TX', 'DAY', 'SES', 'alpha=0.1', null, 365, 0, 1.0, ?, ?, ?)", sku,
                LocalDate.now(ZoneOffset.UTC), String.join(";", Collections.nCopies(90, "20.0")),
                OffsetDateTime.now(ZoneOffset.UTC));
        ReplenishmentPolicy policy = policies.decide(network.get(node).type().name(), "TSHIRTS",
                planner.abcClasses(node, List.of(sku)).get(sku));
        long leadTimeDemand = forecasts.demandOver(sku, node, policy.leadTimeDays()).demand()
                .quantile(policy.serviceLevel());
        assertThat(leadTimeDemand).isGreaterThan(100);
        String about = "stockout-risk " + node + "/" + sku;
        String key = "stockout-risk:" + node + "/" + sku;

        onHand(node, sku, leadTimeDemand, "1");
        checker.check();
        assertThat(sent("ALERT_FIRING", about)).as("ATP equal to the lead-time demand is no risk").isZero();
        assertThat(stockoutRisks.now()).noneMatch(r -> r.sku().equals(sku));

        onHand(node, sku, leadTimeDemand - 1, "2");
        checker.check();
        checker.check();
        assertThat(sent("ALERT_FIRING", about)).as("once, however often it is checked").isEqualTo(1);
        assertThat(state(key)).isEqualTo("FIRING");
        assertThat(jdbc.queryForObject("select message from alert_state where alert_key = ?", String.class, key))
                .startsWith(sku + " at " + node + " may run out before a replenishment arrives: " + (leadTimeDemand - 1)
                        + " available to promise, below the " + Math.round(policy.serviceLevel() * 100)
                        + " % quantile of demand over its " + policy.leadTimeDays() + "-day lead time ("
                        + leadTimeDemand + " units, SES forecast)");
        assertThat(registry.get("maestro.stockout.risks").gauge().value()).isGreaterThanOrEqualTo(1);

        onHand(node, sku, leadTimeDemand + 10, "3");
        checker.check();
        checker.check();
        assertThat(state(key)).isEqualTo("RESOLVED");
        assertThat(sent("ALERT_RESOLVED", about)).isEqualTo(1);
        assertThat(sent("ALERT_FIRING", about)).isEqualTo(1);
    }

    private void onHand(String node, String sku, long units, String count) {
        ledger.adjust(new Adjustment("count-" + sku + "-" + count, node, sku, null, units, null, "count"), "test");
    }

    private int sent(String type, String about) {
        return jdbc.queryForObject("select count(*) from notification where type = ? and subject like ?", Integer.class,
                type, "%] " + about);
    }

    private String state(String key) {
        return jdbc.queryForObject("select status from alert_state where alert_key = ?", String.class, key);
    }
}
