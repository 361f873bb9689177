package io.maestro.processes.pickup;

import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.processes.ShipmentIdList;
import io.maestro.processes.StockSignals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The pickup store cannot hold the whole order: what it could reserve goes back to ATP (a pickup is collected
 * complete), and the options for DMN {@code pickup-exception} are found (situation STORE_SHORT).
 */
@Component("recordStoreShortage")
public class RecordStoreShortage implements JavaDelegate {

    private final OrderService orders;
    private final PickupStock stock;
    private final PickupOptions options;
    private final ShipmentIdList ids;

    public RecordStoreShortage(OrderService orders, PickupStock stock, PickupOptions options, ShipmentIdList ids) {
        this.orders = orders;
        this.stock = stock;
        this.options = options;
        this.ids = ids;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String orderId = (String) execution.getVariable("orderId");
        Order order = orders.get(orderId);
        String reason = "store " + order.pickupNodeId() + " cannot hold the whole order";
        for (String partial : ids.split((String) execution.getVariable("shipmentIds"))) {
            // free when this round began: giving it back wakes no waiting order (StockSignals), this one least
            StockSignals.unsignalled(() -> stock.release(orderId, partial, reason));
            orders.changeShipmentStatus(orderId, partial, ShipmentStatus.CANCELLED, "PICKUP_STORE_SHORT", PickupStock.ACTOR,
                    reason + "; the partial reservation is given back");
        }
        execution.setVariable("shipmentIds", null);
        options.assess(execution, order, "STORE_SHORT");
        orders.record(orderId, "PICKUP_STORE_SHORT", PickupStock.ACTOR, reason, Map.of("pickupNodeId", order.pickupNodeId(),
                "transferSourceNodeId", String.valueOf(execution.getVariable("transferSourceNodeId")),
                "alternativeStoreId", String.valueOf(execution.getVariable("alternativeStoreId"))));
    }
}
