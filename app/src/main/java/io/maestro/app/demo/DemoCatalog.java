package io.maestro.app.demo;

import io.maestro.core.catalog.Sku;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The demo catalog, expanded from the SKU families in {@code demo/sku-families.csv}. */
final class DemoCatalog {

    static final String RESOURCE = "/demo/sku-families.csv";

    private static final Map<String, String> COLOURS = Map.ofEntries(
            Map.entry("BLK", "black"), Map.entry("WHT", "white"), Map.entry("NVY", "navy"), Map.entry("GRY", "grey"),
            Map.entry("RED", "red"), Map.entry("GRN", "green"), Map.entry("IND", "indigo"), Map.entry("KHK", "khaki"),
            Map.entry("YLW", "yellow"), Map.entry("OLV", "olive"), Map.entry("BRN", "brown"), Map.entry("NAT", "natural"));

    private DemoCatalog() {
    }

    static List<Sku> read() {
        List<Sku> skus = new ArrayList<>();
        for (DemoCsv.Row family : DemoCsv.read(RESOURCE)) {
            for (String colour : values(family.get("colours"))) {
                for (String size : sizes(family.get("sizes"))) {
                    skus.add(sku(family, colour, size));
                }
            }
        }
        return skus;
    }

    private static Sku sku(DemoCsv.Row f, String colour, String size) {
        StringBuilder code = new StringBuilder(f.get("family"));
        StringBuilder name = new StringBuilder(f.get("name"));
        if (!colour.isEmpty()) {
            String colourName = COLOURS.get(colour);
            if (colourName == null) {
                throw new IllegalStateException(f + ": unknown colour code " + colour);
            }
            code.append('-').append(colour);
            name.append(", ").append(colourName);
        }
        if (!size.isEmpty()) {
            code.append('-').append(size);
            name.append(", size ").append(size);
        }
        String flags = f.get("flags");
        return new Sku(code.toString(), name.toString(), f.get("category"), new BigDecimal(f.get("weight_kg")),
                new BigDecimal(f.get("length_cm")), new BigDecimal(f.get("width_cm")), new BigDecimal(f.get("height_cm")),
                flags.contains("hazmat"), flags.contains("oversize"));
    }

    /** '|'-separated values; an empty field is one empty value, so the family has no such axis. */
    private static List<String> values(String field) {
        return List.of(field.split("\\|", -1));
    }

    private static List<String> sizes(String field) {
        if (!field.contains("..")) {
            return values(field);
        }
        String[] range = field.split("\\.\\.");
        return IntStream.rangeClosed(Integer.parseInt(range[0]), Integer.parseInt(range[1])).mapToObj(String::valueOf).toList();
    }
}
