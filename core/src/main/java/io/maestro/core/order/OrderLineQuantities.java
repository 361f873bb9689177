package io.maestro.core.order;

import io.maestro.core.command.CommandType;
import io.maestro.core.command.LineCancellations;
import io.maestro.core.command.OrderCommandLog;
import io.maestro.core.db.Database;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.ReservationStatus;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quantities of each line, derived on every read from what holds them — active reservations, shipments,
 * line cancellations, returns — so there is no second copy to keep in step. Once the order is cancelled or settled
 * (shipped, delivered, returned), every unit that has not shipped counts as cancelled.
 */
@Service
public class OrderLineQuantities {

    private static final Set<ShipmentStatus> SHIPPED = EnumSet.of(ShipmentStatus.DISPATCHED, ShipmentStatus.DELAYED,
            ShipmentStatus.DELIVERED);

    /** Statuses in which a unit that has not shipped will not ship any more: it was cancelled. */
    private static final Set<OrderStatus> SETTLED = EnumSet.of(OrderStatus.CANCELLED, OrderStatus.SHIPPED,
            OrderStatus.DELIVERED, OrderStatus.PARTIALLY_RETURNED, OrderStatus.RETURNED);

    private final InventoryLedger ledger;
    private final LineCancellations cancellations;
    private final OrderCommandLog commands;
    private final Database db;

    public OrderLineQuantities(InventoryLedger ledger, LineCancellations cancellations, OrderCommandLog commands,
                               Database db) {
        this.ledger = ledger;
        this.cancellations = cancellations;
        this.commands = commands;
        this.db = db;
    }

    @Transactional(readOnly = true)
    public List<LineQuantities> of(Order order) {
        Map<Integer, Integer> allocated = new HashMap<>();
        ledger.reservationsOf(order.orderId()).stream().filter(r -> r.status() == ReservationStatus.ACTIVE)
                .forEach(r -> allocated.merge(r.lineNo(), (int) r.quantity(), Integer::sum));
        Map<Integer, Integer> shipped = new HashMap<>();
        Map<Integer, Integer> delivered = new HashMap<>();
        for (Shipment s : order.shipments()) {
            for (ShipmentLine l : s.lines()) {
                if (SHIPPED.contains(s.status())) {
                    shipped.merge(l.lineNo(), l.quantity(), Integer::sum);
                }
                if (s.status() == ShipmentStatus.DELIVERED) {
                    delivered.merge(l.lineNo(), l.quantity(), Integer::sum);
                }
            }
        }
        if (order.status() == OrderStatus.PICKED_UP) {
            order.lines().forEach(l -> {
                shipped.put(l.lineNo(), l.quantity());
                delivered.put(l.lineNo(), l.quantity());
            });
        }
        Map<Integer, Integer> cancelled = cancellations.byLine(order.orderId());
        Map<Integer, Integer> returned = returned(order.orderId());
        boolean orderCancelled = SETTLED.contains(order.status())
                || commands.anyApplied(order.orderId(), CommandType.CANCEL);
        return order.lines().stream().map(l -> {
            int shippedUnits = shipped.getOrDefault(l.lineNo(), 0);
            int cancelledUnits = cancelled.getOrDefault(l.lineNo(), 0);
            if (orderCancelled) {
                cancelledUnits = Math.max(cancelledUnits, l.quantity() - shippedUnits);
            }
            return new LineQuantities(l.lineNo(), l.sku(), l.quantity(), allocated.getOrDefault(l.lineNo(), 0),
                    shippedUnits, delivered.getOrDefault(l.lineNo(), 0), cancelledUnits,
                    returned.getOrDefault(l.lineNo(), 0));
        }).toList();
    }

    private Map<Integer, Integer> returned(String orderId) {
        Map<Integer, Integer> returned = new HashMap<>();
        db.jdbc().query("select l.order_line_no, sum(l.quantity) from return_line l join customer_return r on r.id = l.return_id "
                + "where r.order_id = ? group by l.order_line_no", rs -> {
                    returned.put(rs.getInt(1), rs.getInt(2));
                }, orderId);
        return returned;
    }
}
