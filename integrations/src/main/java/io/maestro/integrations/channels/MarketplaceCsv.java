package io.maestro.integrations.channels;

import io.maestro.core.geo.Address;
import io.maestro.core.order.Customer;
import io.maestro.core.order.NewOrder;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The marketplace order file: UTF-8 CSV with a header row, one row per order line, rows of one order sharing
 * {@code marketplace_order_id}. Customer and ship-to come from an order's first row. Columns are found by name;
 * unknown columns are ignored. Line numbers count the header as line 1.
 */
public final class MarketplaceCsv {

    public static final String CHANNEL = "MARKETPLACE";
    public static final List<String> COLUMNS = List.of("marketplace_order_id", "customer_id", "customer_email", "ship_name",
            "ship_line1", "ship_line2", "ship_city", "ship_region", "ship_postal_code", "ship_country", "sku", "quantity",
            "unit_price");
    private static final List<String> OPTIONAL = List.of("customer_email", "ship_line2");

    /** One data row: its line in the file, its cells by column, and what is wrong with it on its own. */
    public record Row(long line, Map<String, String> cells, List<String> problems) {
        String get(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** The rows of one order, in file order. */
    public record OrderRows(String marketplaceOrderId, List<Row> rows) {
        public boolean hasProblems() {
            return rows.stream().anyMatch(r -> !r.problems().isEmpty());
        }
    }

    private MarketplaceCsv() {
    }

    /** Groups the rows by order; throws {@link MalformedPayloadException} when the file cannot be read as a whole. */
    public static List<OrderRows> parse(byte[] content) {
        String text = utf8(content);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        Map<String, List<Row>> orders = new LinkedHashMap<>();
        List<Row> withoutId = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> missing = COLUMNS.stream().filter(c -> !OPTIONAL.contains(c))
                    .filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new MalformedPayloadException("line 1: header lacks column(s) " + String.join(", ", missing));
            }
            long line = 1;
            for (CSVRecord record : parser) {
                line = parser.getCurrentLineNumber();
                Row row = row(record, line);
                String orderId = row.get("marketplace_order_id");
                (orderId == null ? withoutId : orders.computeIfAbsent(orderId, k -> new ArrayList<>())).add(row);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MalformedPayloadException("not readable as CSV: " + rootMessage(e));
        } catch (IOException e) {
            throw new MalformedPayloadException("not readable as CSV: " + e.getMessage());
        }
        List<OrderRows> all = new ArrayList<>();
        orders.forEach((id, rows) -> all.add(new OrderRows(id, rows)));
        withoutId.forEach(row -> all.add(new OrderRows(null, List.of(row))));
        return all;
    }

    public static NewOrder toNewOrder(OrderRows order) {
        Row first = order.rows().get(0);
        List<NewOrder.Line> lines = order.rows().stream()
                .map(r -> new NewOrder.Line(r.get("sku"), integer(r.get("quantity")), decimal(r.get("unit_price")))).toList();
        return new NewOrder(CHANNEL, order.marketplaceOrderId(),
                new Customer(first.get("customer_id"), null, first.get("customer_email")),
                new Address(first.get("ship_name"), first.get("ship_line1"), first.get("ship_line2"), first.get("ship_city"),
                        first.get("ship_region"), first.get("ship_postal_code"), first.get("ship_country")),
                null, null, null, null, lines);
    }

    /** The rows of an order as a file of its own (header and rows), e.g. to keep as a dead letter. */
    public static String toCsv(OrderRows order) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                .setRecordSeparator('\n').get())) {
            for (Row row : order.rows()) {
                printer.printRecord(COLUMNS.stream().map(c -> row.cells().getOrDefault(c, "")).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The column a canonical order field came from ({@code lines[0].unitPrice} → {@code unit_price}). */
    public static String column(String field) {
        String f = field.replaceFirst("^lines\\[\\d+]\\.?", "");
        return switch (f) {
            case "channelOrderId" -> "marketplace_order_id";
            case "customer.id", "customer" -> "customer_id";
            case "customer.email" -> "customer_email";
            case "shipTo", "shipTo.name" -> "ship_name";
            case "shipTo.line1" -> "ship_line1";
            case "shipTo.line2" -> "ship_line2";
            case "shipTo.city" -> "ship_city";
            case "shipTo.region" -> "ship_region";
            case "shipTo.postalCode" -> "ship_postal_code";
            case "shipTo.country" -> "ship_country";
            case "unitPrice" -> "unit_price";
            case "" -> "line";
            default -> f;
        };
    }

    private static Row row(CSVRecord record, long line) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (String column : COLUMNS) {
            cells.put(column, record.isMapped(column) && record.isSet(column) ? record.get(column) : "");
        }
        Row row = new Row(line, cells, new ArrayList<>());
        if (!record.isConsistent()) {
            row.problems().add("has " + record.size() + " cells, the header has " + record.getParser().getHeaderNames().size());
            return row;
        }
        if (row.get("marketplace_order_id") == null) {
            row.problems().add("marketplace_order_id: is required");
        }
        String quantity = row.get("quantity");
        if (quantity != null && integer(quantity) == null) {
            row.problems().add("quantity: '" + quantity + "' is not a whole number");
        }
        String price = row.get("unit_price");
        if (price != null && decimal(price) == null) {
            row.problems().add("unit_price: '" + price + "' is not a decimal number");
        }
        return row;
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString()
                    .replaceFirst("^\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw new MalformedPayloadException("not UTF-8 text: " + e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
