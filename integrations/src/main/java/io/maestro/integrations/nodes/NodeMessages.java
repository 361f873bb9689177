package io.maestro.integrations.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.core.inbox.PartnerEvent;
import io.maestro.core.partner.ShipmentRelease;
import io.maestro.integrations.Json;
import io.maestro.integrations.PayloadReader;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mapping between core and the node systems' messages: releases out (JSON or CSV), events in. */
public final class NodeMessages {

    public static final String CSV_HEADER = "orderId,shipmentId,nodeId,lineNo,sku,quantity,deliveryOption,promisedDate,"
            + "shipToName,shipToPostalCode,shipToCountry";

    private NodeMessages() {
    }

    /** The inbox source of a node's events: {@code node:<nodeId>}. */
    public static String source(String nodeId) {
        return "node:" + nodeId;
    }

    public static String releaseBody(ShipmentRelease release, NodeFormat format) {
        return format == NodeFormat.CSV ? releaseCsv(release) : Json.write(NodeReleaseMessage.of(release));
    }

    public static String contentType(NodeFormat format) {
        return format == NodeFormat.CSV ? "text/csv" : "application/json";
    }

    public static String cancelBody(NodeCancelMessage cancel) {
        return Json.write(cancel);
    }

    /** One line per shipment line under {@link #CSV_HEADER}; fields with commas or quotes are quoted. */
    private static String releaseCsv(ShipmentRelease r) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (var line : r.lines()) {
            csv.append(String.join(",", List.of(cell(r.orderId()), cell(r.shipmentId()), cell(r.nodeId()),
                    String.valueOf(line.lineNo()), cell(line.sku()), String.valueOf(line.quantity()),
                    cell(r.deliveryOption()), r.promisedDate() == null ? "" : r.promisedDate().toString(),
                    cell(r.shipTo() == null ? null : r.shipTo().name()), cell(r.shipTo() == null ? null : r.shipTo().postalCode()),
                    cell(r.shipTo() == null ? null : r.shipTo().country())))).append('\n');
        }
        return csv.toString();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /**
     * A node's event as the process message it stands for. Throws {@code InvalidRequestException} naming every bad
     * field (missing reason of a rejection, short lines without quantities, an unknown type).
     */
    public static PartnerEvent toPartnerEvent(String nodeId, String body) {
        PayloadReader in = PayloadReader.of(body);
        String eventId = in.text("eventId", 120);
        NodeEventType type = in.enumValue("type", NodeEventType.class);
        String orderId = in.text("orderId", 40);
        String shipmentId = in.text("shipmentId", 60);
        OffsetDateTime occurredAt = in.timestamp("occurredAt");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("nodeId", nodeId);
        if (type != null) {
            switch (type) {
                case REJECTED -> payload.put("reason", in.text("reason", 500));
                case SHORT_PICKED -> {
                    payload.put("lines", shortLines(in));
                    String reason = in.optionalText("reason", 500);
                    payload.put("reason", reason == null ? "short pick" : reason);
                }
                case DISPATCHED -> {
                    payload.put("trackingNumber", in.text("trackingNumber", 60));
                    payload.put("carrier", in.text("carrier", 40));
                }
                case READY_FOR_PICKUP -> payload.put("pickupCode", in.text("pickupCode", 40));
                default -> {
                    String reason = in.optionalText("reason", 500);
                    if (reason != null) {
                        payload.put("reason", reason);
                    }
                }
            }
        }
        in.done();
        return new PartnerEvent(source(nodeId), eventId, type.messageName(), orderId, shipmentId, payload, occurredAt);
    }

    private static List<Map<String, Object>> shortLines(PayloadReader in) {
        JsonNode lines = in.objects("lines");
        List<Map<String, Object>> result = new ArrayList<>();
        if (lines == null) {
            return result;
        }
        for (int i = 0; i < lines.size(); i++) {
            String path = "lines[" + i + "]";
            String sku = in.text(lines.get(i), "sku", path + ".sku", 64, true);
            Integer shortQuantity = in.positiveInt(lines.get(i), "shortQuantity", path + ".shortQuantity");
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", sku);
            line.put("shortQuantity", shortQuantity);
            result.add(line);
        }
        return result;
    }
}
