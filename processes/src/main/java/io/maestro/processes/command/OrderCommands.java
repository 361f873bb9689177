package io.maestro.processes.command;

import io.maestro.core.NotFoundException;
import io.maestro.core.Violations;
import io.maestro.core.command.CommandStatus;
import io.maestro.core.command.CommandType;
import io.maestro.core.command.OrderCommand;
import io.maestro.core.command.OrderCommandLog;
import io.maestro.core.geo.Address;
import io.maestro.core.geo.PostalCodeDirectory;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderLine;
import io.maestro.core.order.OrderService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What operators and channels ask of a running order — cancel, change the address, hold, release, cancel lines.
 * Each command is checked, stored in a transaction of its own (its {@code commandId} makes a repeat find the
 * stored command), then applied by {@link CommandApplier}. Call it outside a transaction.
 */
@Service
public class OrderCommands {

    /** Units of one line to cancel. */
    public record LineCancel(Integer lineNo, Integer quantity) {
    }

    private final OrderCommandLog commands;
    private final CommandApplier applier;
    private final OrderService orders;
    private final PostalCodeDirectory postalCodes;
    private final TransactionTemplate transaction;

    public OrderCommands(OrderCommandLog commands, CommandApplier applier, OrderService orders,
                         PostalCodeDirectory postalCodes, PlatformTransactionManager transactions) {
        this.commands = commands;
        this.applier = applier;
        this.orders = orders;
        this.postalCodes = postalCodes;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public OrderCommand cancel(String orderId, String reason, String commandId, String actor) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("reason", reason);
        return submit(orderId, CommandType.CANCEL, payload, commandId, actor);
    }

    public OrderCommand changeShipTo(String orderId, Address shipTo, String commandId, String actor) {
        orders.get(orderId);
        Violations v = new Violations();
        if (shipTo == null) {
            v.add("shipTo", "is required");
        } else {
            v.requireText(shipTo.line1(), "shipTo.line1", 200);
            v.requireText(shipTo.city(), "shipTo.city", 100);
            if (v.requireText(shipTo.postalCode(), "shipTo.postalCode", 20)) {
                String country = shipTo.country() == null ? "US" : shipTo.country();
                v.require(postalCodes.locate(country, shipTo.postalCode()).isPresent(), "shipTo.postalCode",
                        "unknown postal code " + shipTo.postalCode() + " in " + country);
            }
        }
        v.throwIfAny();
        Map<String, Object> address = new HashMap<>();
        address.put("name", shipTo.name());
        address.put("line1", shipTo.line1());
        address.put("line2", shipTo.line2());
        address.put("city", shipTo.city());
        address.put("region", shipTo.region());
        address.put("postalCode", shipTo.postalCode());
        address.put("country", shipTo.country() == null ? "US" : shipTo.country());
        return submit(orderId, CommandType.CHANGE, Map.of("shipTo", address), commandId, actor);
    }

    public OrderCommand hold(String orderId, String reason, String commandId, String actor) {
        Violations v = new Violations();
        v.requireText(reason, "reason", 1000);
        v.throwIfAny();
        return submit(orderId, CommandType.HOLD, Map.of("reason", reason), commandId, actor);
    }

    public OrderCommand release(String orderId, String reason, String commandId, String actor) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("reason", reason);
        return submit(orderId, CommandType.RELEASE, payload, commandId, actor);
    }

    public OrderCommand cancelLines(String orderId, List<LineCancel> lines, String reason, String commandId, String actor) {
        Order order = orders.get(orderId);
        Violations v = new Violations();
        Map<Integer, OrderLine> byNo = new HashMap<>();
        order.lines().forEach(l -> byNo.put(l.lineNo(), l));
        List<Map<String, Object>> asked = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            v.add("lines", "name at least one line to cancel");
        } else {
            for (int i = 0; i < lines.size(); i++) {
                LineCancel line = lines.get(i);
                String at = "lines[" + i + "]";
                if (line == null || line.lineNo() == null || !byNo.containsKey(line.lineNo())) {
                    v.add(at + ".lineNo", "order " + orderId + " has no line " + (line == null ? null : line.lineNo()));
                    continue;
                }
                if (line.quantity() == null || line.quantity() < 1 || line.quantity() > byNo.get(line.lineNo()).quantity()) {
                    v.add(at + ".quantity", "must be a whole number from 1 to the line's ordered "
                            + byNo.get(line.lineNo()).quantity());
                    continue;
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("lineNo", line.lineNo());
                entry.put("quantity", line.quantity());
                asked.add(entry);
            }
        }
        v.throwIfAny();
        Map<String, Object> payload = new HashMap<>();
        payload.put("lines", asked);
        payload.put("reason", reason);
        return submit(orderId, CommandType.CANCEL_LINES, payload, commandId, actor);
    }

    /** The order's commands, oldest first. */
    public List<OrderCommand> of(String orderId) {
        orders.get(orderId);
        return commands.ofOrder(orderId);
    }

    public Optional<OrderCommand> find(String commandId) {
        return commands.find(commandId);
    }

    private OrderCommand submit(String orderId, CommandType type, Map<String, Object> payload, String commandId,
                                String actor) {
        if (orders.find(orderId).isEmpty()) {
            throw new NotFoundException("Order", orderId);
        }
        if (commandId != null && commandId.length() > 100) {
            Violations v = new Violations();
            v.add("commandId", "at most 100 characters");
            v.throwIfAny();
        }
        OrderCommandLog.Received received = transaction.execute(status ->
                commands.receive(commandId, orderId, type, payload, actor));
        if (received.command().status() != CommandStatus.RECEIVED) {
            return received.command();
        }
        return applier.apply(received.command().commandId());
    }
}
