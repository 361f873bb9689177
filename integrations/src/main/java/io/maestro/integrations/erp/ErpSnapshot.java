package io.maestro.integrations.erp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.inventory.SnapshotRow;
import io.maestro.integrations.channels.MalformedPayloadException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An inventory snapshot from the ERP: what it counts on hand per (node, SKU). CSV columns {@code node_id, sku,
 * on_hand} and optionally {@code safety_stock} and {@code snapshot_id}; JSON {@code {"snapshotId": …, "rows":
 * [{"nodeId", "sku", "onHand", "safetyStock"}]}}. A row that cannot be read keeps its raw cells and the reason.
 * {@code line} is the CSV line (header = 1) or the JSON row number (from 1).
 */
public record ErpSnapshot(String snapshotId, List<Line> lines) {

    static final List<String> CSV_COLUMNS = List.of("node_id", "sku", "on_hand");

    public record Line(long line, String nodeId, String sku, String onHand, String safetyStock, SnapshotRow row,
                       String problem) {
    }

    /** CSV; the snapshot id comes from a {@code snapshot_id} column or else {@code defaultId} (e.g. the file name). */
    public static ErpSnapshot fromCsv(byte[] content, String defaultId) {
        List<Line> lines = new ArrayList<>();
        String id = defaultId;
        for (ErpCsv.Row r : ErpCsv.read(content, CSV_COLUMNS)) {
            if (r.get("snapshot_id") != null) {
                id = r.get("snapshot_id");
            }
            lines.add(line(r.line(), r.get("node_id"), r.get("sku"), r.get("on_hand"), r.get("safety_stock")));
        }
        return new ErpSnapshot(id, lines);
    }

    /** JSON; the snapshot id is the document's {@code snapshotId} or else {@code defaultId}. */
    public static ErpSnapshot fromJson(byte[] content, String defaultId, ObjectMapper json) {
        JsonNode doc;
        try {
            doc = json.readTree(content);
        } catch (IOException e) {
            throw new MalformedPayloadException("not valid JSON: " + e.getMessage());
        }
        if (doc == null || !doc.isObject() || !doc.path("rows").isArray()) {
            throw new MalformedPayloadException("expected {\"snapshotId\": …, \"rows\": [ … ]}");
        }
        String id = doc.hasNonNull("snapshotId") ? doc.get("snapshotId").asText() : defaultId;
        List<Line> lines = new ArrayList<>();
        int n = 0;
        for (JsonNode row : doc.get("rows")) {
            n++;
            lines.add(line(n, text(row, "nodeId"), text(row, "sku"), text(row, "onHand"), text(row, "safetyStock")));
        }
        return new ErpSnapshot(id, lines);
    }

    /** One line as a snapshot of its own (CSV with its snapshot id), e.g. to keep as a dead letter and replay. */
    public String lineAsCsv(Line l, String snapshotId) {
        List<Object> cells = new ArrayList<>();
        cells.add(snapshotId);
        cells.add(l.nodeId() == null ? "" : l.nodeId());
        cells.add(l.sku() == null ? "" : l.sku());
        cells.add(l.onHand() == null ? "" : l.onHand());
        cells.add(l.safetyStock() == null ? "" : l.safetyStock());
        return ErpCsv.write(List.of("snapshot_id", "node_id", "sku", "on_hand", "safety_stock"), List.of(cells));
    }

    private static Line line(long line, String nodeId, String sku, String onHand, String safetyStock) {
        Long count = number(onHand);
        Long safety = number(safetyStock);
        String problem = null;
        if (onHand != null && count == null) {
            problem = "on_hand: '" + onHand + "' is not a whole number";
        } else if (safetyStock != null && safety == null) {
            problem = "safety_stock: '" + safetyStock + "' is not a whole number";
        }
        return new Line(line, nodeId, sku, onHand, safetyStock, problem == null ? new SnapshotRow(nodeId, sku, count, safety)
                : null, problem);
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
