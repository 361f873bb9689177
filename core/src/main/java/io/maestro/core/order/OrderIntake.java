package io.maestro.core.order;

import io.maestro.core.ContentHash;
import io.maestro.core.IdempotencyConflictException;
import io.maestro.core.Violations;
import io.maestro.core.audit.AuditTrail;
import io.maestro.core.catalog.SkuRepository;
import io.maestro.core.geo.Address;
import io.maestro.core.geo.GeoPoint;
import io.maestro.core.geo.PostalCodeDirectory;
import io.maestro.core.network.Capability;
import io.maestro.core.network.Node;
import io.maestro.core.network.NodeRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way an order enters Maestro, whatever the channel: validate, persist, record, and publish
 * {@link OrderAccepted} in the same transaction. Idempotent on (channel, channelOrderId): the same order again answers
 * the first one, another order under the same key is refused. Channels are the configured {@link SalesChannels}.
 */
@Service
public class OrderIntake {

    static final int MAX_LINES = 500;
    static final int MAX_QUANTITY = 100_000;
    static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("1000000");
    private static final String CHANNEL_PATTERN = "[A-Z][A-Z0-9_]{0,29}";
    private static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private final OrderRepository orders;
    private final SkuRepository skus;
    private final NodeRepository nodes;
    private final PostalCodeDirectory postalCodes;
    private final SalesChannels channels;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public OrderIntake(OrderRepository orders, SkuRepository skus, NodeRepository nodes, PostalCodeDirectory postalCodes,
                       SalesChannels channels, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.channels = channels;
        this.orders = orders;
        this.skus = skus;
        this.nodes = nodes;
        this.postalCodes = postalCodes;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public IntakeResult accept(NewOrder request, String actor) {
        GeoPoint destination = validate(request);
        OffsetDateTime now = OffsetDateTime.now(clock);
        // A repeat is answered without taking an order number; the unique key (channel, channelOrderId) decides a race.
        String contentHash = contentHash(toOrder(request, null, destination, now));
        Optional<String> earlier = orders.findIdByChannelOrder(request.channel(), request.channelOrderId());
        if (earlier.isPresent()) {
            return repeated(request, earlier.get(), contentHash);
        }
        Order order = toOrder(request, orders.nextOrderId(), destination, now);
        if (!orders.insertIfAbsent(order, contentHash)) {
            return repeated(request, orders.findIdByChannelOrder(request.channel(), request.channelOrderId()).orElseThrow(),
                    contentHash);
        }
        orders.insertLines(order.orderId(), order.lines());
        audit.record(order.orderId(), "ORDER_RECEIVED", order.status().name(), actor,
                "Order " + order.channelOrderId() + " received from channel " + order.channel(),
                Map.of("lines", order.lines().size(), "orderTotal", order.orderTotal(),
                        "deliveryOption", order.deliveryOption().name(), "preference", order.preference().name()));
        events.publishEvent(new OrderAccepted(order.orderId(), order.channel()));
        return new IntakeResult(order, true);
    }

    /** The order first sent under the same key; another order under it is refused. */
    private IntakeResult repeated(NewOrder request, String existing, String contentHash) {
        // Orders taken before V7 have no hash: their key answers as a repeat, as it did.
        if (orders.contentHashOf(existing).filter(stored -> !stored.equals(contentHash)).isPresent()) {
            throw new IdempotencyConflictException("channelOrderId", "channelOrderId " + request.channelOrderId()
                    + " was already used for a different order (" + existing + ") of channel " + request.channel());
        }
        return new IntakeResult(orders.find(existing).orElseThrow(), false);
    }

    private static Order toOrder(NewOrder r, String orderId, GeoPoint destination, OffsetDateTime now) {
        List<OrderLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (NewOrder.Line l : r.lines()) {
            lines.add(new OrderLine(lines.size() + 1, l.sku(), l.quantity(), l.unitPrice()));
            total = total.add(l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())));
        }
        Customer c = r.customer();
        return new Order(orderId, r.channel(), r.channelOrderId(),
                new Customer(c.id(), c.tier() == null ? CustomerTier.STANDARD : c.tier(), c.email()), r.shipTo(),
                destination.latitude(), destination.longitude(), deliveryOption(r), r.pickupNodeId(),
                r.preference() == null ? Preference.BALANCED : r.preference(), Boolean.TRUE.equals(r.shipComplete()),
                OrderStatus.RECEIVED, total, now, now, lines, List.of());
    }

    /**
     * What the channel asked for, as Maestro takes it: defaults filled in (tier, delivery option, preference,
     * shipComplete), prices by value, lines in their order, the same strings. Not the raw bytes: key order,
     * whitespace and unknown fields do not count.
     */
    static String contentHash(Order o) {
        Address a = o.shipTo();
        return ContentHash.of(o.channel(), o.channelOrderId(), o.customer().id(), o.customer().tier().name(),
                o.customer().email(), a == null ? null : Arrays.asList(a.name(), a.line1(), a.line2(), a.city(), a.region(),
                        a.postalCode(), a.country()), o.deliveryOption().name(), o.pickupNodeId(), o.preference().name(),
                o.shipComplete(), o.lines().stream().map(l -> List.of(l.sku(), l.quantity(), ContentHash.number(l.unitPrice())))
                        .toList());
    }

    private static DeliveryOption deliveryOption(NewOrder r) {
        return r.deliveryOption() == null ? DeliveryOption.SHIP : r.deliveryOption();
    }

    /** Checks everything and names every bad field; returns where the order goes (ship-to or pickup node). */
    private GeoPoint validate(NewOrder r) {
        Violations v = new Violations();
        if (v.requireText(r.channel(), "channel", 30)) {
            if (!r.channel().matches(CHANNEL_PATTERN)) {
                v.add("channel", "must be upper-case letters, digits or '_'");
            } else {
                v.require(channels.isKnown(r.channel()), "channel", "unknown channel " + r.channel() + "; configured: "
                        + String.join(", ", channels.all()));
            }
        }
        v.requireText(r.channelOrderId(), "channelOrderId", 100);
        if (r.customer() == null) {
            v.add("customer", "is required");
        } else {
            v.requireText(r.customer().id(), "customer.id", 100);
            String email = r.customer().email();
            v.require(email == null || (email.length() <= 200 && email.matches(EMAIL_PATTERN)), "customer.email",
                    "is not an e-mail address");
        }
        GeoPoint destination = null;
        DeliveryOption option = deliveryOption(r);
        if (r.shipTo() != null || option == DeliveryOption.SHIP) {
            destination = validateShipTo(r.shipTo(), v);
        }
        if (option == DeliveryOption.SHIP) {
            v.require(r.pickupNodeId() == null, "pickupNodeId", "must be empty when deliveryOption is SHIP");
        } else {
            destination = validatePickup(r.pickupNodeId(), option, v);
        }
        validateLines(r.lines(), v);
        v.throwIfAny();
        return destination;
    }

    private GeoPoint validateShipTo(Address a, Violations v) {
        if (a == null) {
            v.add("shipTo", "is required when deliveryOption is SHIP");
            return null;
        }
        v.requireText(a.name(), "shipTo.name", 200);
        v.requireText(a.line1(), "shipTo.line1", 200);
        v.require(a.line2() == null || a.line2().length() <= 200, "shipTo.line2", "must be at most 200 characters");
        v.requireText(a.city(), "shipTo.city", 100);
        v.requireText(a.region(), "shipTo.region", 50);
        boolean hasCountry = v.requireText(a.country(), "shipTo.country", 2);
        boolean hasPostal = v.requireText(a.postalCode(), "shipTo.postalCode", 20);
        if (hasCountry && !postalCodes.supportsCountry(a.country())) {
            v.add("shipTo.country", "Maestro ships within the US only, not to " + a.country());
            return null;
        }
        if (hasCountry && hasPostal) {
            Optional<GeoPoint> point = postalCodes.locate(a.country(), a.postalCode());
            if (point.isEmpty()) {
                v.add("shipTo.postalCode", "unknown postal code " + a.postalCode());
            }
            return point.orElse(null);
        }
        return null;
    }

    private GeoPoint validatePickup(String pickupNodeId, DeliveryOption option, Violations v) {
        if (pickupNodeId == null || pickupNodeId.isBlank()) {
            v.add("pickupNodeId", "is required when deliveryOption is " + option);
            return null;
        }
        Optional<Node> node = nodes.find(pickupNodeId);
        if (node.isEmpty()) {
            v.add("pickupNodeId", "unknown node " + pickupNodeId);
            return null;
        }
        Capability needed = option == DeliveryOption.CURBSIDE ? Capability.CURBSIDE : Capability.PICKUP;
        v.require(node.get().can(needed), "pickupNodeId", "node " + pickupNodeId + " does not offer " + needed);
        return node.get().location();
    }

    private void validateLines(List<NewOrder.Line> lines, Violations v) {
        if (lines == null || lines.isEmpty()) {
            v.add("lines", "must hold at least one line");
            return;
        }
        if (lines.size() > MAX_LINES) {
            v.add("lines", "must hold at most " + MAX_LINES + " lines");
            return;
        }
        Set<String> known = skus.existing(lines.stream().filter(Objects::nonNull).map(NewOrder.Line::sku)
                .filter(Objects::nonNull).distinct().toList());
        for (int i = 0; i < lines.size(); i++) {
            NewOrder.Line l = lines.get(i);
            String at = "lines[" + i + "]";
            if (l == null) {
                v.add(at, "is empty");
                continue;
            }
            if (v.requireText(l.sku(), at + ".sku", 64)) {
                v.require(known.contains(l.sku()), at + ".sku", "unknown SKU " + l.sku());
            }
            v.require(l.quantity() != null && l.quantity() > 0 && l.quantity() <= MAX_QUANTITY, at + ".quantity",
                    "must be between 1 and " + MAX_QUANTITY);
            v.require(l.unitPrice() != null && l.unitPrice().signum() >= 0 && l.unitPrice().compareTo(MAX_UNIT_PRICE) < 0
                    && l.unitPrice().scale() <= 2, at + ".unitPrice", "is required: 0 or more, below 1,000,000, at most 2 decimals");
        }
    }
}
