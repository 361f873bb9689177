package io.maestro.app.alerts;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.maestro.app.metrics.OperationsQueries;
import io.maestro.routes.PartnerCircuitBreakers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The alert conditions that hold now: a partner whose circuit breaker is open (calls to it stopped), a node with
 * {@code node-sla-breaches} acceptance SLA breaches within {@code node-sla-window}, orders stuck beyond
 * {@code maestro.exceptions.stalled-after}, and {@code dead-letters-new} open dead letters within
 * {@code dead-letters-window}, and each SKU at a node whose ATP is below the forecast demand over its replenishment
 * lead time ({@link StockoutRisks}). The same figures as the metrics ({@link OperationsQueries}).
 */
@Component
@ConditionalOnWebApplication
public class AlertConditions {

    static final String PARTNER_DOWN = "partner-down";
    static final String NODE_SLA_BREACHES = "node-sla-breaches";
    static final String ORDERS_STUCK = "orders-stuck";
    static final String DEAD_LETTERS_GROWING = "dead-letters-growing";
    static final String STOCKOUT_RISK = "stockout-risk";
    static final String NETWORK = "network";

    private final OperationsQueries queries;
    private final ObjectProvider<PartnerCircuitBreakers> partners;
    private final StockoutRisks stockoutRisks;
    private final AlertProperties properties;
    private final Clock clock = Clock.systemUTC();

    public AlertConditions(OperationsQueries queries, ObjectProvider<PartnerCircuitBreakers> partners,
                           StockoutRisks stockoutRisks, AlertProperties properties) {
        this.queries = queries;
        this.partners = partners;
        this.stockoutRisks = stockoutRisks;
        this.properties = properties;
    }

    public List<Alert> holding() {
        Instant now = clock.instant();
        List<Alert> alerts = new ArrayList<>();
        partners.ifAvailable(breakers -> breakers.registry().getAllCircuitBreakers().stream()
                .filter(b -> b.getState() == CircuitBreaker.State.OPEN || b.getState() == CircuitBreaker.State.FORCED_OPEN)
                .forEach(b -> alerts.add(new Alert(PARTNER_DOWN, b.getName(), "Partner " + b.getName()
                        + " is down: its circuit breaker is open after " + Math.round(b.getMetrics().getFailureRate())
                        + " % of its last calls failed; calls to it wait until a trial call succeeds."))));
        queries.slaBreachesByNode(now.minus(properties.nodeSlaWindow())).forEach((node, breaches) -> {
            if (breaches >= properties.nodeSlaBreaches()) {
                alerts.add(new Alert(NODE_SLA_BREACHES, node, "Node " + node + " let its acceptance SLA pass on "
                        + breaches + " shipments within " + properties.nodeSlaWindow() + "; they were rerouted."));
            }
        });
        long stuck = queries.stuckOrders();
        if (stuck > 0) {
            alerts.add(new Alert(ORDERS_STUCK, NETWORK, stuck + " orders have not changed status for longer than "
                    + "maestro.exceptions.stalled-after: see GET /api/exceptions?kind=STALLED."));
        }
        long deadLetters = queries.deadLettersOpenSince(now.minus(properties.deadLettersWindow()));
        if (deadLetters >= properties.deadLettersNew()) {
            alerts.add(new Alert(DEAD_LETTERS_GROWING, NETWORK, deadLetters + " dead letters arrived within "
                    + properties.deadLettersWindow() + " and are still open: see GET /api/dead-letters."));
        }
        stockoutRisks.now().forEach(risk -> alerts.add(new Alert(STOCKOUT_RISK, risk.nodeId() + "/" + risk.sku(),
                String.format(Locale.ROOT, "%s at %s may run out before a replenishment arrives: %d available to "
                        + "promise, below the %s %% quantile of demand over its %d-day lead time (%d units, %s "
                        + "forecast). Replenish or transfer stock: see GET /api/inventory/%s.", risk.sku(),
                        risk.nodeId(), risk.atp(), percent(risk.serviceLevel()), risk.leadTimeDays(),
                        risk.leadTimeDemand(), risk.method(), risk.sku()))));
        return alerts;
    }

    private static String percent(double level) {
        return BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
