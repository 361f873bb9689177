package io.maestro.processes.pickup;

import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.Reservation;
import io.maestro.core.inventory.ReservationStatus;
import org.springframework.stereotype.Component;

import java.util.List;

/** The reservations of one shipment (ids {@code <shipmentId>-<lineNo>}): given back to ATP, or consumed when handed over. */
@Component
public class PickupStock {

    static final String ACTOR = "store-pickup";

    private final InventoryLedger ledger;

    public PickupStock(InventoryLedger ledger) {
        this.ledger = ledger;
    }

    public void release(String orderId, String shipmentId, String reason) {
        ledger.releaseAll(ids(active(orderId, shipmentId)), reason, ACTOR);
    }

    public void consume(String orderId, String shipmentId, String reason) {
        ledger.consumeAll(ids(active(orderId, shipmentId)), reason, ACTOR);
    }

    public void releaseAll(String orderId, String reason) {
        ledger.releaseAll(ids(ledger.reservationsOf(orderId).stream().filter(r -> r.status() == ReservationStatus.ACTIVE)
                .toList()), reason, ACTOR);
    }

    private static List<String> ids(List<Reservation> reservations) {
        return reservations.stream().map(Reservation::id).toList();
    }

    private List<Reservation> active(String orderId, String shipmentId) {
        return ledger.reservationsOf(orderId).stream()
                .filter(r -> r.status() == ReservationStatus.ACTIVE && r.id().startsWith(shipmentId + "-")).toList();
    }
}
