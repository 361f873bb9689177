package io.maestro.processes;

import io.maestro.core.inbox.PartnerEvent;
import io.maestro.core.inbox.PartnerEventInbox;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryPositionChanged;
import io.maestro.core.inventory.Reservation;
import io.maestro.core.order.OrderService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What stock changes mean for waiting orders. More stock at a position wakes the orders waiting for
 * {@code InventoryAvailable} that need that SKU (gathered and sent once a second, not per ledger entry; the order
 * is the waiting process's business key). Units an order gives back because it is backordered ({@link #unsignalled}:
 * the plan of a round that found too little) are not new stock: they were free when that round began, so they wake
 * nobody — else the order woke itself a second later, allocated the same units, backordered again, and ran through
 * its backorder attempts (and the escalation they lead to) within seconds.
 * A count or loss that leaves a position with fewer units than reserved tells the newest shipments
 * reserved there that they are short ({@code ShipmentShortPicked} through the partner inbox), so they reroute.
 */
@Component
public class StockSignals {

    public static final String INVENTORY_AVAILABLE = "InventoryAvailable";
    public static final String SHORT_PICKED = "ShipmentShortPicked";
    private static final ThreadLocal<Boolean> UNSIGNALLED = new ThreadLocal<>();

    private final RuntimeService runtime;
    private final OrderService orders;
    private final InventoryLedger ledger;
    private final PartnerEventInbox inbox;
    private final Set<String> replenishedSkus = ConcurrentHashMap.newKeySet();

    public StockSignals(RuntimeService runtime, OrderService orders, InventoryLedger ledger, PartnerEventInbox inbox) {
        this.runtime = runtime;
        this.orders = orders;
        this.ledger = ledger;
        this.inbox = inbox;
    }

    /** Runs {@code work} (on this thread) without the stock it gives back waking any waiting order. */
    public static void unsignalled(Runnable work) {
        UNSIGNALLED.set(Boolean.TRUE);
        try {
            work.run();
        } finally {
            UNSIGNALLED.remove();
        }
    }

    /**
     * In the transaction of the change: the shortfall and the messages about it commit together; more free stock is
     * noted for {@link #wakeWaitingOrders} once the change is committed.
     */
    @EventListener
    public void onChange(InventoryPositionChanged change) {
        if (free(change.after()) > free(change.before()) && UNSIGNALLED.get() == null) {
            replenished(change.after().sku());
        }
        if (!change.after().isShort()) {
            return;
        }
        long missing = change.after().reserved() - change.after().onHand();
        for (Reservation r : ledger.activeReservationsAt(change.after().nodeId(), change.after().sku())) {
            if (missing <= 0) {
                break;
            }
            String shipmentId = shipmentOf(r);
            inbox.receive(new PartnerEvent("inventory", "short:" + r.id(), SHORT_PICKED, r.orderId(), shipmentId,
                    Map.of("reason", "stock count at " + r.nodeId() + " left " + change.after().onHand() + " of "
                            + change.after().reserved() + " reserved " + r.sku(),
                            "lines", List.of(Map.of("sku", r.sku(), "shortQuantity", Math.min(missing, r.quantity())))), null));
            missing -= r.quantity();
        }
    }

    @Scheduled(fixedDelayString = "${maestro.fulfillment.stock-signal-millis:1000}")
    public void wakeWaitingOrders() {
        if (replenishedSkus.isEmpty()) {
            return;
        }
        Set<String> skus = new HashSet<>(replenishedSkus);
        replenishedSkus.removeAll(skus);
        List<Execution> waiting = runtime.createExecutionQuery().messageEventSubscriptionName(INVENTORY_AVAILABLE).list();
        if (waiting.isEmpty()) {
            return;
        }
        Map<String, String> orderOfInstance = new HashMap<>();
        runtime.createProcessInstanceQuery()
                .processInstanceIds(waiting.stream().map(Execution::getProcessInstanceId).collect(Collectors.toSet()))
                .list().forEach(instance -> orderOfInstance.put(instance.getId(), instance.getBusinessKey()));
        for (Execution execution : waiting) {
            String orderId = orderOfInstance.get(execution.getProcessInstanceId());
            boolean needed = orderId != null && orders.find(orderId).map(o -> o.lines().stream()
                    .anyMatch(l -> skus.contains(l.sku()))).orElse(false);
            if (needed) {
                try {
                    runtime.messageEventReceived(INVENTORY_AVAILABLE, execution.getId(), Map.of("replenishedSkus",
                            String.join(",", skus)));
                } catch (RuntimeException gone) {
                    // the order moved on meanwhile (cancelled, timer fired): nothing to wake
                }
            }
        }
    }

    /** The SKUs with more free stock since the last wake-up: what the next one looks at. */
    public Set<String> pendingSkus() {
        return Set.copyOf(replenishedSkus);
    }

    private void replenished(String sku) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            replenishedSkus.add(sku);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                replenishedSkus.add(sku);
            }
        });
    }

    private static long free(InventoryPosition p) {
        return p.onHand() - p.reserved() - p.safetyStock();
    }

    /** Reservation ids are {@code <shipmentId>-<lineNo>}. */
    private static String shipmentOf(Reservation r) {
        return r.id().substring(0, r.id().lastIndexOf('-'));
    }
}
