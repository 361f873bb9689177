package io.maestro.processes.fulfillment;

import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.Reservation;
import io.maestro.core.inventory.ReservationStatus;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.processes.ShipmentIdList;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Takes planned (not yet released) shipments back: the shipments are CANCELLED (refused, before anything changes,
 * when one has gone further) and their reservations return to ATP, so their lines count as open again for the next
 * allocation.
 */
@Component
public class PlanWithdrawal {

    private final InventoryLedger ledger;
    private final OrderService orders;
    private final ShipmentIdList ids;

    public PlanWithdrawal(InventoryLedger ledger, OrderService orders, ShipmentIdList ids) {
        this.ledger = ledger;
        this.orders = orders;
        this.ids = ids;
    }

    public void withdraw(String orderId, String shipmentIds, String actor, String reason) {
        List<String> shipments = ids.split(shipmentIds);
        for (String shipmentId : shipments) {
            orders.changeShipmentStatus(orderId, shipmentId, ShipmentStatus.PLANNED, ShipmentStatus.CANCELLED,
                    "SHIPMENT_WITHDRAWN", actor, reason);
        }
        ledger.releaseAll(ledger.reservationsOf(orderId).stream()
                .filter(r -> r.status() == ReservationStatus.ACTIVE && shipments.stream().anyMatch(s -> r.id().startsWith(s + "-")))
                .map(Reservation::id).toList(), reason, actor);
    }
}
