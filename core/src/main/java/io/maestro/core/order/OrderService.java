package io.maestro.core.order;

import io.maestro.core.NotFoundException;
import io.maestro.core.StateConflictException;
import io.maestro.core.audit.AuditTrail;
import io.maestro.core.audit.TimelineEntry;
import io.maestro.core.geo.Address;
import io.maestro.core.geo.GeoPoint;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading orders and recording what happens to them (plans, shipment changes), each on the timeline. Statuses
 * move only as {@link OrderTransitions} and {@link ShipmentTransitions} allow; a refused move is logged and thrown
 * as {@link IllegalTransitionException}.
 */
@Service
public class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);
    /** How often a status move is tried again after another writer changed the row between read and update. */
    private static final int MAX_RACES = 3;

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
     * Stores the shipments a plan decided (each new one PLANNED), moves the order to {@code status} and records the
     * decision with its reason and details on the timeline, in the caller's transaction.
     *
     * @throws IllegalTransitionException when a shipment of the plan has gone further than PLANNED, or the order
     *                                    cannot move to {@code status}; nothing is changed
     */
    @Transactional
    public void recordPlan(String orderId, String eventType, List<Shipment> shipments, OrderStatus status, String actor,
                           String reason, Map<String, ?> details) {
        for (Shipment s : shipments) {
            if (s.status() != ShipmentStatus.PLANNED) {
                throw refused(new IllegalTransitionException("Shipment", s.shipmentId(), ShipmentStatus.PLANNED, s.status()));
            }
            if (!orders.savePlannedShipment(orderId, s)) {
                throw refused(new IllegalTransitionException("Shipment", s.shipmentId(),
                        orders.shipmentStatus(orderId, s.shipmentId()).orElseThrow(), ShipmentStatus.PLANNED));
            }
        }
        moveOrder(orderId, status);
        audit.record(orderId, eventType, status.name(), actor, reason, details);
    }

    /**
     * Moves the order to {@code status} if {@link OrderTransitions} allows it from the status it has now, and
     * records why on the timeline. The same status again changes nothing but is recorded (a repeated event).
     *
     * @return true when the status changed
     * @throws IllegalTransitionException when the move is not allowed; nothing is changed
     */
    @Transactional
    public boolean changeStatus(String orderId, OrderStatus status, String eventType, String actor, String reason,
                                Map<String, ?> details) {
        boolean changed = moveOrder(orderId, status);
        audit.record(orderId, eventType, status.name(), actor, reason, details);
        return changed;
    }

    /**
     * Replaces the lines of a shipment that is still PLANNED (fewer units after lines were cancelled) and records why.
     *
     * @throws IllegalTransitionException when the shipment has gone further than PLANNED; nothing is changed
     */
    @Transactional
    public void reducePlannedShipment(String orderId, Shipment smaller, String actor, String reason, Map<String, ?> details) {
        if (!orders.savePlannedShipment(orderId, smaller)) {
            throw refused(new IllegalTransitionException("Shipment", smaller.shipmentId(),
                    orders.shipmentStatus(orderId, smaller.shipmentId()).orElseThrow(), ShipmentStatus.PLANNED));
        }
        audit.record(orderId, "SHIPMENT_REDUCED", null, actor, reason, details);
    }

    /** Records an event that changes no status (a decision, a message, a notification) on the timeline. */
    @Transactional
    public void record(String orderId, String eventType, String actor, String reason, Map<String, ?> details) {
        audit.record(orderId, eventType, null, actor, reason, details);
    }

    /**
     * Hands a partner's message to the order's process ({@code handOver}, on this thread) so that the first entry the
     * process records carries the message; if it records none, the message is recorded as a {@code MESSAGE} entry.
     */
    @Transactional
    public void recordMessageWith(String orderId, String source, String reason, Map<String, ?> message,
                                  Runnable handOver) {
        if (!audit.carryingMessage(orderId, message, handOver)) {
            audit.record(orderId, "MESSAGE", null, source, reason, message);
        }
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
        recordLabel(orderId, shipmentId, carrier, service, trackingNumber, null, co2Kg, estimatedDelivery, actor);
    }

    /** The same with what the label cost ({@link #shipmentCosts} compares it with allocation's estimate). */
    @Transactional
    public void recordLabel(String orderId, String shipmentId, String carrier, String service, String trackingNumber,
                            BigDecimal price, BigDecimal co2Kg, LocalDate estimatedDelivery, String actor) {
        if (!orders.updateShipmentLabel(orderId, shipmentId, carrier, service, trackingNumber, co2Kg, estimatedDelivery,
                price)) {
            throw new NotFoundException("Shipment", shipmentId);
        }
        audit.record(orderId, "LABEL_PURCHASED", null, actor, carrier + " " + service + " label " + trackingNumber,
                Map.of("shipmentId", shipmentId, "carrier", carrier, "service", service, "trackingNumber", trackingNumber));
    }

    /** Keeps allocation's estimate of each planned shipment's carrier service, cost and CO2e. */
    @Transactional
    public void recordEstimates(List<ShipmentEstimate> estimates) {
        orders.saveEstimates(estimates);
    }

    /** Each shipment's estimated and label cost, in shipment order. */
    public List<ShipmentCost> shipmentCosts(String orderId) {
        return orders.shipmentCosts(orderId);
    }

    /** How far labels differ from estimates over every shipment with both. */
    public EstimateDrift estimateDrift() {
        return orders.estimateDrift();
    }

    /** Marks a shipment rejected by its node (or short there) and records why. */
    @Transactional
    public boolean rejectShipment(String orderId, String shipmentId, String actor, String reason) {
        return changeShipmentStatus(orderId, shipmentId, ShipmentStatus.REJECTED, "SHIPMENT_REJECTED", actor, reason);
    }

    /**
     * Moves a shipment to {@code status} if {@link ShipmentTransitions} allows it from the status it has now, and
     * records the event on the order's timeline. The same status again changes nothing but is recorded.
     *
     * @return true when the status changed
     * @throws IllegalTransitionException when the move is not allowed; nothing is changed
     */
    @Transactional
    public boolean changeShipmentStatus(String orderId, String shipmentId, ShipmentStatus status, String eventType,
                                        String actor, String reason) {
        boolean changed = moveShipment(orderId, shipmentId, status);
        audit.record(orderId, eventType, null, actor, reason, Map.of("shipmentId", shipmentId, "status", status.name()));
        return changed;
    }

    /**
     * As {@link #changeShipmentStatus}, but only from {@code from}: a step that acts on a shipment in one status (a
     * planned shipment taken back without telling a node, which only a PLANNED one allows) is refused with
     * {@link IllegalTransitionException} when the shipment has moved on meanwhile. Already in {@code status}: nothing
     * changes (a repeated event).
     */
    @Transactional
    public boolean changeShipmentStatus(String orderId, String shipmentId, ShipmentStatus from, ShipmentStatus status,
                                        String eventType, String actor, String reason) {
        ShipmentStatus current = orders.shipmentStatus(orderId, shipmentId)
                .orElseThrow(() -> new NotFoundException("Shipment", shipmentId));
        if (current != from && current != status) {
            throw refused(new IllegalTransitionException("Shipment", shipmentId, current, status));
        }
        boolean changed = current != status && moveShipment(orderId, shipmentId, status, from);
        audit.record(orderId, eventType, null, actor, reason, Map.of("shipmentId", shipmentId, "status", status.name()));
        return changed;
    }

    /** The shipment's new promised date and, for a late parcel on its way, DELAYED; recorded on the timeline. */
    @Transactional
    public void rePromise(String orderId, String shipmentId, LocalDate promisedDate, ShipmentStatus status, String actor,
                          String reason) {
        moveShipment(orderId, shipmentId, status);
        orders.updatePromisedDate(orderId, shipmentId, promisedDate);
        audit.record(orderId, "SHIPMENT_REPROMISED", null, actor, reason, Map.of("shipmentId", shipmentId,
                "promisedDate", promisedDate.toString(), "status", status.name()));
    }

    /** The shipment's status now. */
    @Transactional(readOnly = true)
    public ShipmentStatus shipmentStatus(String orderId, String shipmentId) {
        return orders.shipmentStatus(orderId, shipmentId).orElseThrow(() -> new NotFoundException("Shipment", shipmentId));
    }

    /**
     * The shipment's status with its row locked until the caller's transaction ends. A partner step reads it so
     * before calling out: a withdrawal or re-plan of the shipment waits for the step to commit (and then finds it
     * moved on), or the step waits for them (and finds it closed).
     */
    /**
     * Locks the order's row for the rest of the caller's transaction, as a command being applied to it does
     * ({@code OrderCommandLog.lockAndCheckCancelled}): a step that sends the order's data to a partner takes it before
     * it reads the order, so a command and the step run one after the other. The order row comes before its
     * shipments' rows.
     */
    @Transactional
    public void lockOrder(String orderId) {
        if (!orders.lockOrder(orderId)) {
            throw new NotFoundException("Order", orderId);
        }
    }

    @Transactional
    public ShipmentStatus lockShipment(String orderId, String shipmentId) {
        return orders.lockShipment(orderId, shipmentId).orElseThrow(() -> new NotFoundException("Shipment", shipmentId));
    }

    /**
     * Applies an allowed move with a conditional update on the status read, so a concurrent change cannot be
     * overwritten: when another writer moved it first, the move is checked again from the new status.
     */
    private boolean moveOrder(String orderId, OrderStatus to) {
        for (int attempt = 0; attempt < MAX_RACES; attempt++) {
            OrderStatus from = orders.status(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
            if (from == to) {
                return false;
            }
            if (!OrderTransitions.allowed(from, to)) {
                throw refused(new IllegalTransitionException("Order", orderId, from, to));
            }
            if (orders.updateStatus(orderId, from, to)) {
                return true;
            }
        }
        throw new StateConflictException("Order " + orderId + " kept changing while moving it to " + to);
    }

    private boolean moveShipment(String orderId, String shipmentId, ShipmentStatus to) {
        return moveShipment(orderId, shipmentId, to, null);
    }

    /** Moves the shipment to {@code to}, only from {@code onlyFrom} when that is given. */
    private boolean moveShipment(String orderId, String shipmentId, ShipmentStatus to, ShipmentStatus onlyFrom) {
        for (int attempt = 0; attempt < MAX_RACES; attempt++) {
            ShipmentStatus from = orders.shipmentStatus(orderId, shipmentId)
                    .orElseThrow(() -> new NotFoundException("Shipment", shipmentId));
            if (from == to) {
                return false;
            }
            if (!ShipmentTransitions.allowed(from, to) || onlyFrom != null && from != onlyFrom) {
                throw refused(new IllegalTransitionException("Shipment", shipmentId, from, to));
            }
            if (orders.updateShipmentStatus(orderId, shipmentId, from, to)) {
                return true;
            }
        }
        throw new StateConflictException("Shipment " + shipmentId + " kept changing while moving it to " + to);
    }

    private static IllegalTransitionException refused(IllegalTransitionException e) {
        log.warn("Refused: {}", e.getMessage());
        return e;
    }
}
