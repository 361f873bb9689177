package io.maestro.core.returns;

import io.maestro.core.ContentHash;
import io.maestro.core.IdempotencyConflictException;
import io.maestro.core.NotFoundException;
import io.maestro.core.Violations;
import io.maestro.core.network.NodeRepository;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderLine;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer returns. A return is reported by the node that has the goods in hand (store till, DC returns desk), so
 * reporting it means it is received: it starts RECEIVED. At most what left in a shipment (dispatched, delivered,
 * picked up) minus what came back before can be returned per order line. Inspection and disposition are recorded per
 * line; the refund covers every line except a wrong item, which the returns centre settles.
 */
@Service
public class ReturnService {

    private final ReturnRepository returns;
    private final OrderService orders;
    private final NodeRepository nodes;
    private final ApplicationEventPublisher events;

    public ReturnService(ReturnRepository returns, OrderService orders, NodeRepository nodes,
                         ApplicationEventPublisher events) {
        this.returns = returns;
        this.orders = orders;
        this.nodes = nodes;
        this.events = events;
    }

    /**
     * Records a received return once per return id and publishes {@link ReturnOpened}; every bad field is named. The
     * same return id again with the same content answers the first return; with other content it is refused.
     */
    @Transactional
    public ReturnResult open(NewReturn request, String actor) {
        boolean keyed = request.returnId() != null && !request.returnId().isBlank();
        String contentHash = contentHash(request);
        if (keyed) {
            Optional<ReturnResult> repeat = repeat(request, contentHash);
            if (repeat.isPresent()) {
                return repeat.get();
            }
        }
        Violations v = new Violations();
        if (request.returnId() != null && !request.returnId().isBlank()) {
            v.requireText(request.returnId(), "returnId", 60);
        }
        Order order = null;
        if (v.requireText(request.orderId(), "orderId", 40)) {
            order = returns.lockOrder(request.orderId()) ? orders.get(request.orderId()) : null;
            v.require(order != null, "orderId", "unknown order " + request.orderId());
        }
        if (v.requireText(request.nodeId(), "nodeId", 40)) {
            v.require(nodes.exists(request.nodeId()), "nodeId", "unknown node " + request.nodeId());
        }
        List<ReturnLine> lines = order == null ? List.of() : lines(order, request, v);
        if (request.lines() == null || request.lines().isEmpty()) {
            v.add("lines", "at least one line is required");
        }
        v.throwIfAny();
        if (keyed) {
            // The order is locked now: a return with this id sent meanwhile for the same order has committed.
            Optional<ReturnResult> repeat = repeat(request, contentHash);
            if (repeat.isPresent()) {
                return repeat.get();
            }
        }
        String returnId = keyed ? request.returnId() : returns.nextReturnId();
        var now = returns.now();
        CustomerReturn created = new CustomerReturn(returnId, order.orderId(), request.nodeId(), ReturnStatus.RECEIVED, null,
                actor, now, now, lines);
        try {
            returns.insert(created, contentHash);
        } catch (DuplicateKeyException takenMeanwhile) {
            // Only a return of another order (not locked by this one) can have taken the id since the check above.
            throw new IdempotencyConflictException("returnId", "returnId " + returnId
                    + " was already used for a different return");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("returnId", returnId);
        details.put("nodeId", request.nodeId());
        details.put("lines", lines.stream().map(l -> Map.of("orderLineNo", l.orderLineNo(), "sku", l.sku(),
                "quantity", l.quantity(), "reason", String.valueOf(l.reason()))).toList());
        orders.record(order.orderId(), "RETURN_RECEIVED", actor, "Return " + returnId + " of "
                + lines.stream().mapToInt(ReturnLine::quantity).sum() + " unit(s) received at " + request.nodeId(), details);
        events.publishEvent(new ReturnOpened(returnId, order.orderId(), request.nodeId()));
        return new ReturnResult(created, true);
    }

    /** The first return under this id when the request repeats it; refused when it says something else. */
    private Optional<ReturnResult> repeat(NewReturn request, String contentHash) {
        Optional<CustomerReturn> existing = returns.find(request.returnId());
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        // Returns recorded before V7 have no hash: only another order tells their id is reused.
        boolean same = returns.contentHashOf(request.returnId()).map(contentHash::equals)
                .orElse(existing.get().orderId().equals(request.orderId()));
        if (!same) {
            throw new IdempotencyConflictException("returnId", "returnId " + request.returnId()
                    + " was already used for a different return (order " + existing.get().orderId() + ")");
        }
        return Optional.of(new ReturnResult(existing.get(), false));
    }

    /** What the caller reported, as sent: order, node, and per line its lineNo, sku, quantity and reason, in order. */
    private static String contentHash(NewReturn r) {
        return ContentHash.of(r.orderId(), r.nodeId(), r.lines() == null ? null : r.lines().stream()
                .map(l -> l == null ? null : Arrays.asList(l.lineNo(), l.sku(), l.quantity(), l.reason())).toList());
    }

    @Transactional(readOnly = true)
    public Optional<CustomerReturn> find(String returnId) {
        return returns.find(returnId);
    }

    @Transactional(readOnly = true)
    public CustomerReturn get(String returnId) {
        return returns.find(returnId).orElseThrow(() -> new NotFoundException("Return", returnId));
    }

    @Transactional(readOnly = true)
    public List<CustomerReturn> ofOrder(String orderId) {
        return returns.idsOfOrder(orderId).stream().map(this::get).toList();
    }

    /** What the inspection found for one line. */
    @Transactional
    public void recordInspection(String returnId, int lineNo, ItemCondition condition, String notes, String actor) {
        CustomerReturn r = get(returnId);
        if (!returns.updateInspection(returnId, lineNo, condition, notes)) {
            throw new NotFoundException("Return line", returnId + "/" + lineNo);
        }
        ReturnLine line = r.line(lineNo);
        orders.record(r.orderId(), "RETURN_INSPECTED", actor, "Return " + returnId + " line " + lineNo + " (" + line.sku()
                + " × " + line.quantity() + "): " + condition + (notes == null || notes.isBlank() ? "" : " — " + notes),
                Map.of("returnId", returnId, "lineNo", lineNo, "condition", condition.name()));
        if (get(returnId).lines().stream().allMatch(l -> l.condition() != null)) {
            returns.updateStatus(returnId, ReturnStatus.INSPECTED, null);
        }
    }

    /** What becomes of one line, and why. */
    @Transactional
    public void recordDisposition(String returnId, int lineNo, Disposition disposition, String reason, String actor) {
        CustomerReturn r = get(returnId);
        if (!returns.updateDisposition(returnId, lineNo, disposition, reason)) {
            throw new NotFoundException("Return line", returnId + "/" + lineNo);
        }
        ReturnLine line = r.line(lineNo);
        orders.record(r.orderId(), "RETURN_DISPOSITION", actor, "Return " + returnId + " line " + lineNo + " (" + line.sku()
                + " × " + line.quantity() + "): " + disposition + (reason == null ? "" : " — " + reason),
                Map.of("returnId", returnId, "lineNo", lineNo, "disposition", disposition.name()));
    }

    /** Money to give back: the order price of every returned unit except wrong items. */
    @Transactional(readOnly = true)
    public BigDecimal refundAmount(String returnId) {
        CustomerReturn r = get(returnId);
        Map<Integer, BigDecimal> prices = new HashMap<>();
        orders.get(r.orderId()).lines().forEach(l -> prices.put(l.lineNo(), l.unitPrice()));
        return r.lines().stream().filter(l -> l.condition() != ItemCondition.WRONG_ITEM)
                .map(l -> prices.get(l.orderLineNo()).multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The refund was asked of the ERP; the order becomes RETURNED when every unit came back, else PARTIALLY_RETURNED. */
    @Transactional
    public OrderStatus refundRequested(String returnId, BigDecimal amount, String actor) {
        CustomerReturn r = get(returnId);
        returns.updateStatus(returnId, ReturnStatus.REFUND_REQUESTED, amount);
        return settleOrder(r, actor, "Return " + returnId + ": refund of " + amount + " requested");
    }

    /** An operator settled the refund outside Maestro (the ERP stayed unreachable); the return is closed. */
    @Transactional
    public OrderStatus close(String returnId, String reason, String actor) {
        CustomerReturn r = get(returnId);
        returns.updateStatus(returnId, ReturnStatus.CLOSED, null);
        return settleOrder(r, actor, "Return " + returnId + " closed without a refund request: " + reason);
    }

    private OrderStatus settleOrder(CustomerReturn r, String actor, String reason) {
        Order order = orders.get(r.orderId());
        Map<Integer, Integer> returned = returns.returnedUnits(order.orderId());
        boolean all = order.lines().stream().allMatch(l -> returned.getOrDefault(l.lineNo(), 0) >= l.quantity());
        OrderStatus status = all ? OrderStatus.RETURNED : OrderStatus.PARTIALLY_RETURNED;
        orders.changeStatus(order.orderId(), status, "RETURN_SETTLED", actor, reason, Map.of("returnId", r.returnId()));
        return status;
    }

    private List<ReturnLine> lines(Order order, NewReturn request, Violations v) {
        if (request.lines() == null) {
            return List.of();
        }
        Map<Integer, Integer> left = new HashMap<>(returns.shippedUnits(order.orderId()));
        returns.returnedUnits(order.orderId()).forEach((lineNo, units) -> left.merge(lineNo, -units, Integer::sum));
        List<ReturnLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            NewReturn.Line line = request.lines().get(i);
            String at = "lines[" + i + "]";
            if (line == null) {
                v.add(at, "is required");
                continue;
            }
            Optional<OrderLine> orderLine = orderLine(order, line, at, v);
            boolean quantityGiven = line.quantity() != null && line.quantity() > 0;
            v.require(quantityGiven, at + ".quantity", "must be greater than 0");
            v.require(line.reason() == null || line.reason().length() <= 300, at + ".reason", "must be at most 300 characters");
            if (orderLine.isEmpty() || !quantityGiven) {
                continue;
            }
            OrderLine ol = orderLine.get();
            int returnable = left.getOrDefault(ol.lineNo(), 0);
            if (line.quantity() > returnable) {
                v.add(at + ".quantity", line.quantity() + " is more than the " + Math.max(0, returnable) + " unit(s) of line "
                        + ol.lineNo() + " (" + ol.sku() + ") shipped or picked up and not yet returned");
                continue;
            }
            left.merge(ol.lineNo(), -line.quantity(), Integer::sum);
            lines.add(new ReturnLine(lines.size() + 1, ol.lineNo(), ol.sku(), line.quantity(), line.reason(), null, null,
                    null, null));
        }
        return lines;
    }

    private static Optional<OrderLine> orderLine(Order order, NewReturn.Line line, String at, Violations v) {
        if (line.lineNo() != null) {
            Optional<OrderLine> byNo = order.lines().stream().filter(l -> l.lineNo() == line.lineNo()).findFirst();
            v.require(byNo.isPresent(), at + ".lineNo", "order " + order.orderId() + " has no line " + line.lineNo());
            v.require(byNo.isEmpty() || line.sku() == null || byNo.get().sku().equals(line.sku()), at + ".sku",
                    "line " + line.lineNo() + " of order " + order.orderId() + " is not " + line.sku());
            return byNo.filter(l -> line.sku() == null || l.sku().equals(line.sku()));
        }
        if (line.sku() == null || line.sku().isBlank()) {
            v.add(at + ".lineNo", "give lineNo or sku");
            return Optional.empty();
        }
        List<OrderLine> bySku = order.lines().stream().filter(l -> l.sku().equals(line.sku())).toList();
        v.require(!bySku.isEmpty(), at + ".sku", "order " + order.orderId() + " has no line of " + line.sku());
        v.require(bySku.size() <= 1, at + ".sku", "order " + order.orderId() + " has several lines of " + line.sku()
                + "; give lineNo");
        return bySku.size() == 1 ? Optional.of(bySku.get(0)) : Optional.empty();
    }
}
