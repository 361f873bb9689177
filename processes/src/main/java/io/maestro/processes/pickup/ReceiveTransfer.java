package io.maestro.processes.pickup;

import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.PositionKey;
import io.maestro.core.inventory.ReservationRequest;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The transfer arrived at the pickup store: the source's reservations are consumed (the units left it), the store's
 * on-hand grows by the same units (event id {@code transfer:<transferShipmentId>:<lineNo>}, so a repeat adds nothing),
 * and they are reserved at the store for a new pickup shipment {@code <orderId>-P<n>}, which the store is then asked to hold.
 */
@Component("receiveTransfer")
public class ReceiveTransfer implements JavaDelegate {

    private final OrderService orders;
    private final InventoryLedger ledger;
    private final PickupStock stock;

    public ReceiveTransfer(OrderService orders, InventoryLedger ledger, PickupStock stock) {
        this.orders = orders;
        this.ledger = ledger;
        this.stock = stock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.get((String) execution.getVariable("orderId"));
        String transferId = (String) execution.getVariable("transferShipmentId");
        Shipment transfer = ReleaseToStore.shipment(order, transferId);
        String store = order.pickupNodeId();
        List<PositionKey> touched = new ArrayList<>();
        transfer.lines().forEach(l -> {
            touched.add(new PositionKey(transfer.nodeId(), l.sku()));
            touched.add(new PositionKey(store, l.sku()));
        });
        ledger.lockPositions(touched);
        stock.consume(order.orderId(), transferId, "transfer " + transferId + " to " + store);
        orders.changeShipmentStatus(order.orderId(), transferId, ShipmentStatus.DELIVERED, "TRANSFER_RECEIVED",
                PickupStock.ACTOR, "transfer from " + transfer.nodeId() + " arrived at " + store);
        transfer.lines().forEach(l -> ledger.adjust(new Adjustment("transfer:" + transferId + ":" + l.lineNo(), store, l.sku(),
                (long) l.quantity(), null, null, "TRANSFER_RECEIPT " + transferId + " from " + transfer.nodeId()),
                PickupStock.ACTOR));
        String pickupId = order.orderId() + "-P" + transferId.substring(transferId.lastIndexOf("-T") + 2);
        ledger.reserve(order.channel(), transfer.lines().stream().map(l -> new ReservationRequest(pickupId + "-" + l.lineNo(),
                order.orderId(), l.lineNo(), store, l.sku(), l.quantity())).toList(), PickupStock.ACTOR, false);
        orders.recordPlan(order.orderId(), "RESERVED_AT_STORE", List.of(new Shipment(pickupId, store, transfer.lines(),
                null, "PICKUP", null, null, transfer.promisedDate(), ShipmentStatus.PLANNED, null)), OrderStatus.ALLOCATED,
                PickupStock.ACTOR, "the transferred units are held at " + store + " for pickup", Map.of("shipmentId", pickupId));
        execution.setVariable("shipmentIds", pickupId);
        execution.setVariable("shipmentId", pickupId);
    }
}
