package io.maestro.core.order;

import io.maestro.core.NotFoundException;
import io.maestro.core.audit.AuditTrail;
import io.maestro.core.audit.TimelineEntry;
import io.maestro.core.geo.Address;
import io.maestro.core.geo.GeoPoint;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading orders and recording what happens to them (plans, shipment changes), each on the timeline. */
@Service
public class OrderService {

    private final OrderRepository orders;
    private final AuditTrail audit;

    public OrderService(OrderRepository orders, AuditTrail audit) {
        this.orders = orders;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<Order> find(String orderId) {
        return orders.find(orderId);
    }

    @Transactional(readOnly = true)
    public Order get(String orderId) {
        return orders.find(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
    }

    @Transactional(readOnly = true)
    public List<Order> list(OrderFilter filter, int offset, int limit) {
        return orders.list(filter, offset, limit);
    }

    @Transactional(readOnly = true)
    public long count(OrderFilter filter) {
        return orders.count(filter);
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(String orderId) {
        if (orders.find(orderId).isEmpty()) {
            throw new NotFoundException("Order", orderId);
        }
        return audit.timeline(orderId);
    }

    /**
     * Stores the shipments a plan decided, moves the order to {@code status} and records the decision
     * with its reason and details on the timeline, in the caller's transaction.
     */
    @Transactional
    public void recordPlan(String orderId, String eventType, List<Shipment> shipments, OrderStatus status, String actor,
                           String reason, Map<String, ?> details) {
        shipments.forEach(s -> orders.saveShipment(orderId, s));
        if (!orders.updateStatus(orderId, status)) {
            throw new NotFoundException("Order", orderId);
        }
        audit.record(orderId, eventType, status.name(), actor, reason, details);
    }

    /** Moves the order to {@code status} and records why on the timeline. */
    @Transactional
    public void changeStatus(String orderId, OrderStatus status, String eventType, String actor, String reason,
                             Map<String, ?> details) {
        if (!orders.updateStatus(orderId, status)) {
            throw new NotFoundException("Order", orderId);
        }
        audit.record(orderId, eventType, status.name(), actor, reason, details);
    }

    /** Records an event that changes no status (a decision, a message, a notification) on the timeline. */
    @Transactional
    public void record(String orderId, String eventType, String actor, String reason, Map<String, ?> details) {
        audit.record(orderId, eventType, null, actor, reason, details);
    }

    /** Changes where the order goes (already geocoded by the caller) and records the change. */
    @Transactional
    public void changeShipTo(String orderId, Address shipTo, GeoPoint location, String actor, String reason) {
        if (!orders.updateShipTo(orderId, shipTo, location.latitude(), location.longitude())) {
            throw new NotFoundException("Order", orderId);
        }
        audit.record(orderId, "SHIP_TO_CHANGED", null, actor, reason, Map.of("postalCode", shipTo.postalCode(),
                "city", String.valueOf(shipTo.city())));
    }

    /** Moves a pickup order to another store (the customer accepted it) and records the change. */
    @Transactional
    public void changePickupNode(String orderId, String pickupNodeId, String actor, String reason) {
        if (!orders.updatePickupNode(orderId, pickupNodeId)) {
            throw new NotFoundException("Order", orderId);
        }
        audit.record(orderId, "PICKUP_NODE_CHANGED", null, actor, reason, Map.of("pickupNodeId", pickupNodeId));
    }

    /** Records the label bought for a shipment: carrier, service, tracking number, and the carrier's estimate. */
    @Transactional
    public void recordLabel(String orderId, String shipmentId, String carrier, String service, String trackingNumber,
                            BigDecimal co2Kg, LocalDate estimatedDelivery, String actor) {
        if (!orders.updateShipmentLabel(orderId, shipmentId, carrier, service, trackingNumber, co2Kg, estimatedDelivery)) {
            throw new NotFoundException("Shipment", shipmentId);
        }
        audit.record(orderId, "LABEL_PURCHASED", null, actor, carrier + " " + service + " label " + trackingNumber,
                Map.of("shipmentId", shipmentId, "carrier", carrier, "service", service, "trackingNumber", trackingNumber));
    }

    /** Marks a shipment rejected by its node (or short there) and records why. */
    @Transactional
    public void rejectShipment(String orderId, String shipmentId, String actor, String reason) {
        changeShipmentStatus(orderId, shipmentId, ShipmentStatus.REJECTED, "SHIPMENT_REJECTED", actor, reason);
    }

    /** Sets a shipment's status and records the event on the order's timeline. */
    @Transactional
    public void changeShipmentStatus(String orderId, String shipmentId, ShipmentStatus status, String eventType,
                                     String actor, String reason) {
        if (!orders.updateShipmentStatus(orderId, shipmentId, status)) {
            throw new NotFoundException("Shipment", shipmentId);
        }
        audit.record(orderId, eventType, null, actor, reason, Map.of("shipmentId", shipmentId, "status", status.name()));
    }
}
