package io.maestro.app.metrics;

import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.SalesChannels;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The DOM's KPIs and backlogs as Micrometer meters (served at {@code /actuator/prometheus}). The figures come from
 * the shared database, read every {@code maestro.metrics.refresh}; a scrape reads the last figures. Every instance
 * of a scaled-out deployment reports the same figures: aggregate them with {@code max}, not {@code sum}.
 */
@Component
@ConditionalOnWebApplication
public class OperationsMetrics {

    /** Tag of the money figures: order amounts are kept in this currency. */
    static final String CURRENCY = "USD";

    private final OperationsQueries queries;
    private final MeterRegistry registry;
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final Set<String> nodes = ConcurrentHashMap.newKeySet();
    private volatile OperationsFigures figures = OperationsFigures.NONE;

    public OperationsMetrics(OperationsQueries queries, MeterRegistry registry, SalesChannels salesChannels) {
        this.queries = queries;
        this.registry = registry;
        salesChannels.all().forEach(this::channel);
        for (OrderStatus status : OrderStatus.values()) {
            Gauge.builder("maestro.orders", this, m -> m.figures.ordersByStatus().getOrDefault(status.name(), 0L))
                    .description("Orders in each status now").tag("status", status.name()).register(registry);
        }
        gauge("maestro.orders.backlog", "Orders not shipped yet", f -> f.backlog());
        gauge("maestro.orders.stuck", "Orders not in a final status without a status change for "
                + "maestro.exceptions.stalled-after", f -> f.stuck());
        gauge("maestro.orders.split.rate", "Share of the window's orders with shipments that ship in more than one",
                f -> f.splitRate());
        gauge("maestro.orders.fill.rate", "Units on shipments that will leave / units ordered, over the window's orders",
                f -> f.fillRate());
        Gauge.builder("maestro.orders.shipping.cost", this, m -> m.figures.costPerOrder())
                .description("Average shipping cost per order of the window's orders with shipments")
                .tag("currency", CURRENCY).register(registry);
        Gauge.builder("maestro.orders.co2e", this, m -> m.figures.co2eKgPerOrder()).baseUnit("kilograms")
                .description("Average CO2e per order of the window's orders with shipments").register(registry);
        gauge("maestro.inbox.pending", "Partners' messages waiting for their process", f -> f.partnerEventsPending());
        gauge("maestro.inbox.failed", "Partners' messages that never reached their process", f -> f.partnerEventsFailed());
        gauge("maestro.commands.pending", "Order commands received and not applied yet", f -> f.commandsPending());
        gauge("maestro.outbox.pending", "Notifications waiting to be sent", f -> f.notificationsPending());
        gauge("maestro.outbox.failed", "Notifications that could not be sent", f -> f.notificationsFailed());
        gauge("maestro.dead.letters.open", "Input not taken, waiting for an operator", f -> f.deadLettersOpen());
        gauge("maestro.jobs.due", "Process engine jobs due with retries left: the job executor's backlog",
                f -> f.jobsDue());
        gauge("maestro.jobs.failed", "Process engine jobs out of retries", f -> f.jobsFailed());
        gauge("maestro.incidents.open", "Open process incidents", f -> f.incidentsOpen());
        gauge("maestro.user.tasks.open", "User tasks waiting for a person", f -> f.userTasksOpen());
    }

    /** Reads the figures again; meters for channels and nodes seen for the first time are added. */
    @Scheduled(fixedDelayString = "${maestro.metrics.refresh:PT15S}", initialDelayString = "PT1S")
    public void refresh() {
        OperationsFigures read = queries.read();
        read.receivedByChannel().keySet().forEach(this::channel);
        read.slaBreachesByNode().keySet().forEach(this::node);
        figures = read;
    }

    public OperationsFigures figures() {
        return figures;
    }

    private void channel(String channel) {
        if (channels.add(channel)) {
            FunctionCounter.builder("maestro.orders.received", this,
                            m -> m.figures.receivedByChannel().getOrDefault(channel, 0L))
                    .description("Orders received, per channel").tag("channel", channel).register(registry);
        }
    }

    private void node(String node) {
        if (nodes.add(node)) {
            FunctionCounter.builder("maestro.node.sla.breaches", this,
                            m -> m.figures.slaBreachesByNode().getOrDefault(node, 0L))
                    .description("Shipments withdrawn from a node that did not answer within its acceptance SLA")
                    .tag("node", node).register(registry);
        }
    }

    private void gauge(String name, String description, ToDoubleFunction<OperationsFigures> figure) {
        Gauge.builder(name, this, m -> figure.applyAsDouble(m.figures)).description(description).register(registry);
    }
}
