package io.maestro.integrations.erp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.Saved;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.catalog.Sku;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.integrations.channels.MalformedPayloadException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The ERP's item master: every row creates or replaces a SKU in the catalog. CSV columns {@code sku, name,
 * category, weight_kg, length_cm, width_cm, height_cm} and optionally {@code hazmat, oversize} (true/false);
 * JSON {@code {"items": [{sku, name, category, weightKg, lengthCm, widthCm, heightCm, hazmat, oversize}]}}. A row
 * that cannot be taken is reported and kept as a dead letter of source {@value #SOURCE}.
 */
@Service
public class ErpItemImport {

    public static final String SOURCE = "erp-items";
    static final List<String> COLUMNS = List.of("sku", "name", "category", "weight_kg", "length_cm", "width_cm",
            "height_cm", "hazmat", "oversize");
    private static final List<String> REQUIRED = COLUMNS.subList(0, 7);

    public enum Outcome { CREATED, UPDATED, REJECTED }

    public record Line(long line, String sku, Outcome outcome, String reason) {
    }

    public record Report(int rows, int created, int updated, int rejected, List<Line> lines) {
        public String toCsv() {
            return ErpCsv.write(List.of("line", "sku", "outcome", "reason"), lines.stream()
                    .map(l -> List.<Object>of(l.line(), l.sku() == null ? "" : l.sku(), l.outcome(),
                            l.reason() == null ? "" : l.reason())).toList());
        }
    }

    private final CatalogService catalog;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;

    public ErpItemImport(CatalogService catalog, DeadLetters deadLetters, ObjectMapper json) {
        this.catalog = catalog;
        this.deadLetters = deadLetters;
        this.json = json;
    }

    public Report importCsv(byte[] content, String reference) {
        return run(ErpCsv.read(content, REQUIRED), reference, true);
    }

    public Report importJson(byte[] content, String reference) {
        JsonNode doc;
        try {
            doc = json.readTree(content);
        } catch (IOException e) {
            throw new MalformedPayloadException("not valid JSON: " + e.getMessage());
        }
        if (doc == null || !doc.path("items").isArray()) {
            throw new MalformedPayloadException("expected {\"items\": [ … ]}");
        }
        List<ErpCsv.Row> rows = new ArrayList<>();
        long n = 0;
        for (JsonNode item : doc.get("items")) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (String column : COLUMNS) {
                JsonNode value = item.get(camel(column));
                cells.put(column, value == null || value.isNull() ? null : value.asText());
            }
            rows.add(new ErpCsv.Row(++n, cells));
        }
        return run(rows, reference, true);
    }

    /** Replays one dead-lettered item row (CSV with header); throws with the reason when it is still rejected. */
    public void replay(String payload) {
        Report report = run(ErpCsv.read(payload.getBytes(StandardCharsets.UTF_8), REQUIRED), "replay", false);
        if (report.rejected() > 0) {
            throw new InvalidRequestException("item", report.lines().get(0).reason());
        }
    }

    private Report run(List<ErpCsv.Row> rows, String reference, boolean keepDeadLetters) {
        List<Line> lines = new ArrayList<>();
        for (ErpCsv.Row row : rows) {
            Line line = take(row);
            lines.add(line);
            if (line.outcome() == Outcome.REJECTED && keepDeadLetters) {
                String ref = reference + " line " + row.line();
                if (deadLetters.findByReference(SOURCE, ref).isEmpty()) {
                    deadLetters.record(SOURCE, ref, ErpCsv.write(COLUMNS, List.of(COLUMNS.stream()
                            .map(c -> row.get(c) == null ? "" : row.get(c)).toList())), line.reason());
                }
            }
        }
        return new Report(lines.size(), count(lines, Outcome.CREATED), count(lines, Outcome.UPDATED),
                count(lines, Outcome.REJECTED), lines);
    }

    private Line take(ErpCsv.Row row) {
        List<String> problems = new ArrayList<>();
        BigDecimal weight = decimal(row, "weight_kg", problems);
        BigDecimal length = decimal(row, "length_cm", problems);
        BigDecimal width = decimal(row, "width_cm", problems);
        BigDecimal height = decimal(row, "height_cm", problems);
        boolean hazmat = flag(row, "hazmat", problems);
        boolean oversize = flag(row, "oversize", problems);
        if (!problems.isEmpty()) {
            return new Line(row.line(), row.get("sku"), Outcome.REJECTED, String.join("; ", problems));
        }
        try {
            Saved<Sku> saved = catalog.save(new Sku(row.get("sku"), row.get("name"), row.get("category"), weight, length,
                    width, height, hazmat, oversize));
            return new Line(row.line(), row.get("sku"), saved.created() ? Outcome.CREATED : Outcome.UPDATED, null);
        } catch (InvalidRequestException e) {
            return new Line(row.line(), row.get("sku"), Outcome.REJECTED, e.violations().stream()
                    .map(v -> snake(v.field()) + ": " + v.message()).collect(Collectors.joining("; ")));
        }
    }

    private static BigDecimal decimal(ErpCsv.Row row, String column, List<String> problems) {
        String text = row.get(column);
        try {
            return text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(column + ": '" + text + "' is not a decimal number");
            return null;
        }
    }

    private static boolean flag(ErpCsv.Row row, String column, List<String> problems) {
        String text = row.get(column);
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        problems.add(column + ": '" + text + "' is not true or false");
        return false;
    }

    private static int count(List<Line> lines, Outcome outcome) {
        return (int) lines.stream().filter(l -> l.outcome() == outcome).count();
    }

    private static String camel(String column) {
        String[] parts = column.split("_");
        return parts[0] + (parts.length > 1 ? parts[1].substring(0, 1).toUpperCase(Locale.ROOT) + parts[1].substring(1) : "");
    }

    private static String snake(String field) {
        return field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }
}
