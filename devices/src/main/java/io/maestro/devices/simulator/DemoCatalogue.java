package io.maestro.devices.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The SKU codes of the demo catalogue ({@code demo/sku-families.csv} on the application's class path): one per
 * family × colour × size, coded {@code FAMILY[-COLOUR][-SIZE]}, sizes listed with '|' or as a range {@code 38..46}.
 */
final class DemoCatalogue {

    static final String RESOURCE = "demo/sku-families.csv";

    private DemoCatalogue() {
    }

    /** The demo SKUs, or an empty list when the catalogue is not on the class path. */
    static List<String> skus() {
        InputStream in = DemoCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            return List.of();
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("family,"))
                    .flatMap(line -> codes(line.split(",", -1)).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static List<String> codes(String[] row) {
        List<String> codes = new ArrayList<>();
        for (String colour : values(row[8])) {
            for (String size : sizes(row[9])) {
                codes.add(row[0] + (colour.isEmpty() ? "" : "-" + colour) + (size.isEmpty() ? "" : "-" + size));
            }
        }
        return codes;
    }

    private static List<String> values(String cell) {
        return cell.isBlank() ? List.of("") : List.of(cell.split("\\|"));
    }

    private static List<String> sizes(String cell) {
        if (!cell.contains("..")) {
            return values(cell);
        }
        String[] range = cell.split("\\.\\.");
        List<String> sizes = new ArrayList<>();
        for (int size = Integer.parseInt(range[0]); size <= Integer.parseInt(range[1]); size++) {
            sizes.add(String.valueOf(size));
        }
        return sizes;
    }
}
