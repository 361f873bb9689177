package io.maestro.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.OrderStory;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.LedgerRebuild;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What must hold once a chaos run came to rest, checked through the API and the database; each broken promise
 * becomes one line of the diagnosis, naming the order, shipment or position.
 */
final class ChaosInvariants {

    private static final Set<String> OPEN_SHIPMENT = Set.of("PLANNED", "RELEASED", "ACCEPTED");
    private static final Set<String> FINAL_SHIPMENT = Set.of("DELIVERED", "REJECTED", "CANCELLED");

    private final Api api;
    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final LedgerRebuild ledger;
    private final List<String> violations = new ArrayList<>();
    private final Map<String, JsonNode> orders = new HashMap<>();
    private final Map<String, Integer> exceptionKinds = new TreeMap<>();
    private final OrderStory story;

    ChaosInvariants(Api api, JdbcTemplate jdbc, RuntimeService runtime, LedgerRebuild ledger) {
        this.api = api;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.ledger = ledger;
        this.story = new OrderStory(jdbc);
    }

    /** Every broken promise, empty when all hold. */
    List<String> check(ChaosRecord record, Set<String> orderIds) {
        record.serverErrors().forEach(e -> violations.add("5xx answered: " + e));
        record.clientFailures().forEach(e -> violations.add("client: " + e));
        orderIds.forEach(id -> orders.put(id, api.get("/api/orders/" + id, Api.ADMIN).json()));
        everyAcceptedCommandTookEffect(record.accepted());
        linesAddUp();
        reservedUnitsAreOpenShipmentLines();
        everyOpenShipmentHasAProcess();
        noNegativeStockAndLedgerIsPositions();
        everyOrderSettledOrExplained();
        return List.copyOf(violations);
    }

    Map<String, Long> statuses() {
        return new TreeMap<>(orders.values().stream().collect(Collectors.groupingBy(o -> o.path("status").asText(),
                Collectors.counting())));
    }

    Map<String, Integer> exceptionKinds() {
        return exceptionKinds;
    }

    private void everyAcceptedCommandTookEffect(List<ChaosRecord.Accepted> accepted) {
        Map<String, List<ChaosRecord.Accepted>> byOrder = accepted.stream()
                .collect(Collectors.groupingBy(ChaosRecord.Accepted::orderId));
        byOrder.forEach((orderId, commands) -> {
            Map<String, JsonNode> outcomes = new HashMap<>();
            api.get("/api/orders/" + orderId + "/commands", Api.ADMIN).json()
                    .forEach(c -> outcomes.put(c.path("commandId").asText(), c));
            JsonNode order = orders.get(orderId);
            Map<Integer, Integer> linesCancelled = new HashMap<>();
            ChaosRecord.Accepted lastChange = null;
            for (ChaosRecord.Accepted command : commands) {
                JsonNode outcome = outcomes.get(command.commandId());
                String status = outcome == null ? "missing" : outcome.path("status").asText();
                if (!status.equals("APPLIED")) {
                    violations.add("202 without effect: " + command + " is " + status
                            + (outcome == null ? "" : " (" + outcome.path("reason").asText() + ")") + "; order " + brief(order));
                    continue;
                }
                switch (command.command()) {
                    case "cancel" -> cancelTookEffect(command, order);
                    case "lines/cancel" -> linesCancelled.merge(command.lineNo(), command.units(), Integer::sum);
                    case "change" -> {
                        if (lastChange == null || decided(outcome).compareTo(decided(outcomes.get(lastChange.commandId()))) >= 0) {
                            lastChange = command;
                        }
                    }
                    default -> {
                    }
                }
            }
            linesCancelled.forEach((lineNo, units) -> {
                int cancelled = line(order, lineNo).path("cancelled").asInt();
                if (cancelled < units) {
                    violations.add("line cancel of " + units + " units of " + orderId + " line " + lineNo + " applied, "
                            + cancelled + " cancelled: " + brief(order));
                }
            });
            if (lastChange != null && !lastChange.postalCode().equals(order.path("shipTo").path("postalCode").asText())) {
                violations.add("address change " + lastChange + " applied, order ships to "
                        + order.path("shipTo").path("postalCode").asText());
            }
        });
        orders.forEach((orderId, order) -> {
            if (order.path("held").asBoolean() && !settled(order)) {
                violations.add("order " + orderId + " still held by " + order.path("hold") + ", every hold was released: "
                        + brief(order));
            }
        });
    }

    private void cancelTookEffect(ChaosRecord.Accepted command, JsonNode order) {
        if (order.path("status").asText().equals("CANCELLED")) {
            return;
        }
        boolean restCancelled = true;
        for (JsonNode line : order.path("lineQuantities")) {
            restCancelled &= line.path("ordered").asInt() == line.path("shipped").asInt() + line.path("cancelled").asInt();
        }
        for (JsonNode shipment : order.path("shipments")) {
            restCancelled &= !OPEN_SHIPMENT.contains(shipment.path("status").asText());
        }
        if (!restCancelled) {
            violations.add("cancel " + command.commandId() + " applied, the unshipped rest of " + command.orderId()
                    + " is not cancelled: " + brief(order));
        }
    }

    private void linesAddUp() {
        orders.forEach((orderId, order) -> order.path("lineQuantities").forEach(line -> {
            int ordered = line.path("ordered").asInt();
            int accounted = line.path("shipped").asInt() + line.path("cancelled").asInt() + line.path("allocated").asInt();
            if (accounted > ordered || line.path("delivered").asInt() > line.path("shipped").asInt()) {
                violations.add("order " + orderId + " line " + line.path("lineNo").asInt() + " accounts for more than it has: "
                        + line);
            } else if (settled(order) && line.path("shipped").asInt() + line.path("cancelled").asInt() != ordered) {
                violations.add("order " + orderId + " is " + order.path("status").asText() + " with units of line "
                        + line.path("lineNo").asInt() + " neither shipped nor cancelled: " + brief(order));
            }
        }));
    }

    private void reservedUnitsAreOpenShipmentLines() {
        Map<String, Long> reserved = sums("select node_id, sku, reserved from inventory_position where reserved <> 0");
        Map<String, Long> openLines = sums("select s.node_id, l.sku, sum(l.quantity) from shipment s join shipment_line l "
                + "on l.shipment_id = s.id where s.status in ('PLANNED', 'RELEASED', 'ACCEPTED') group by s.node_id, l.sku");
        Map<String, Long> active = sums("select node_id, sku, sum(quantity) from reservation where status = 'ACTIVE' "
                + "group by node_id, sku");
        if (!reserved.equals(openLines)) {
            violations.add("reserved units " + reserved + " are not the open shipment lines " + openLines
                    + " (node/sku); active reservations " + active + "; open shipments "
                    + jdbc.queryForList("select s.id, s.order_id, s.status, l.sku, l.quantity from shipment s join shipment_line l "
                    + "on l.shipment_id = s.id where s.status in ('PLANNED', 'RELEASED', 'ACCEPTED')"));
        }
        if (!reserved.equals(active)) {
            violations.add("reserved units " + reserved + " are not the active reservations " + active);
        }
    }

    private Map<String, Long> sums(String sql) {
        Map<String, Long> sums = new TreeMap<>();
        jdbc.query(sql, rs -> {
            sums.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
        });
        return sums;
    }

    private void everyOpenShipmentHasAProcess() {
        jdbc.query("select id, order_id, status from shipment", rs -> {
            String shipmentId = rs.getString(1);
            String orderId = rs.getString(2);
            String status = rs.getString(3);
            if (FINAL_SHIPMENT.contains(status)) {
                return;
            }
            long processes = runtime.createProcessInstanceQuery().processDefinitionKey("shipment-execution")
                    .processInstanceBusinessKey(orderId).variableValueEquals("shipmentId", shipmentId).count();
            if (processes != 1) {
                violations.add("shipment " + shipmentId + " (" + status + ") of " + brief(orders.get(orderId)) + " has "
                        + processes + " shipment-execution processes");
            }
        });
    }

    private void noNegativeStockAndLedgerIsPositions() {
        jdbc.query("select node_id, sku, on_hand, reserved, safety_stock from inventory_position "
                + "where on_hand < 0 or reserved < 0 or safety_stock < 0", rs -> {
            violations.add("negative stock at " + rs.getString(1) + "/" + rs.getString(2) + ": onHand " + rs.getLong(3)
                    + ", reserved " + rs.getLong(4) + ", safety " + rs.getLong(5));
        });
        for (String sku : ChaosStock.SKUS) {
            api.get("/api/inventory/" + sku, Api.ADMIN).json().path("nodes").forEach(node -> {
                if (node.path("atp").asLong() < 0 || node.path("reserved").asLong() < 0 || node.path("onHand").asLong() < 0) {
                    violations.add("negative stock of " + sku + ": " + node);
                }
            });
        }
        for (InventoryPosition[] difference : ledger.differences()) {
            violations.add("ledger and position differ: " + Arrays.toString(difference));
        }
    }

    private void everyOrderSettledOrExplained() {
        Map<String, List<String>> explained = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode listing = api.get("/api/exceptions?size=500&page=" + page, Api.ADMIN).json();
            listing.path("items").forEach(e -> {
                explained.computeIfAbsent(e.path("orderId").asText(), k -> new ArrayList<>())
                        .add(e.path("kind").asText() + " at " + e.path("stepId").asText() + ": " + e.path("reason").asText());
                exceptionKinds.merge(e.path("kind").asText(), 1, Integer::sum);
            });
            if ((page + 1) * 500L >= listing.path("total").asLong()) {
                break;
            }
        }
        listedAs(explained, "WAITING_FOR_STOCK", "waits for stock", "select distinct p.BUSINESS_KEY_ from ACT_RU_EVENT_SUBSCR s "
                + "join ACT_RU_EXECUTION p on p.ID_ = s.PROC_INST_ID_ where s.EVENT_NAME_ = 'InventoryAvailable'");
        listedAs(explained, "RETRYING", "has a failed step being retried", "select distinct p.BUSINESS_KEY_ from ACT_RU_JOB j "
                + "join ACT_RU_EXECUTION p on p.ID_ = j.PROCESS_INSTANCE_ID_ where j.EXCEPTION_MSG_ is not null and j.RETRIES_ > 0");
        listedAs(explained, "COMMAND_REFUSED", "had a queued command refused", "select c.order_id from order_command c "
                + "join orders o on o.id = c.order_id where c.status = 'REFUSED' and c.queued_at is not null and o.status not in "
                + "('DELIVERED', 'PICKED_UP', 'CANCELLED', 'PARTIALLY_RETURNED', 'RETURNED')");
        orders.values().stream().filter(o -> !settled(o) && !explained.containsKey(o.path("orderId").asText()))
                .sorted(Comparator.comparing(o -> o.path("orderId").asText()))
                .forEach(o -> violations.add("order neither settled nor explained by /api/exceptions: " + brief(o)
                        + "; " + story.of(o.path("orderId").asText())));
    }

    /** Every order of the run the database shows in this situation is listed by /api/exceptions with this kind. */
    private void listedAs(Map<String, List<String>> explained, String kind, String situation, String query) {
        jdbc.queryForList(query, String.class).stream().filter(orders::containsKey)
                .filter(id -> explained.getOrDefault(id, List.of()).stream().noneMatch(e -> e.startsWith(kind + " ")))
                .sorted().forEach(id -> violations.add("order " + id + " " + situation + " but /api/exceptions does not list it as "
                        + kind + ": " + explained.getOrDefault(id, List.of())));
    }

    private static boolean settled(JsonNode order) {
        return Quiescence.SETTLED.contains(order.path("status").asText());
    }

    private static String decided(JsonNode outcome) {
        return outcome.path("decidedAt").asText();
    }

    private static JsonNode line(JsonNode order, int lineNo) {
        for (JsonNode line : order.path("lineQuantities")) {
            if (line.path("lineNo").asInt() == lineNo) {
                return line;
            }
        }
        return order.path("missing");
    }

    /** The order in one line: id, status, held, lines and shipments. */
    static String brief(JsonNode order) {
        if (order == null) {
            return "(unknown order)";
        }
        StringBuilder text = new StringBuilder(order.path("orderId").asText()).append(' ').append(order.path("status").asText());
        if (order.path("held").asBoolean()) {
            text.append(" held");
        }
        order.path("lineQuantities").forEach(l -> text.append(" L").append(l.path("lineNo").asInt()).append('[')
                .append(l.path("ordered").asInt()).append(" ord ").append(l.path("allocated").asInt()).append(" alloc ")
                .append(l.path("shipped").asInt()).append(" shp ").append(l.path("cancelled").asInt()).append(" cxl]"));
        order.path("shipments").forEach(s -> text.append(' ').append(s.path("shipmentId").asText()).append('@')
                .append(s.path("nodeId").asText()).append('=').append(s.path("status").asText()));
        return text.toString();
    }
}
