package io.maestro.app.simulation;

import io.maestro.app.simulation.SimulationResult.VariantReport;
import java.util.List;

/**
 * A result as one CSV table in long form, one figure a row ({@code variant,figure,key,value}): each variant's rates and
 * money, its load per node, its orders per rule, and each changed order with its reason — so a spreadsheet can pivot it.
 */
public final class SimulationCsv {

    private SimulationCsv() {
    }

    public static String of(SimulationResult result) {
        StringBuilder csv = new StringBuilder("variant,figure,key,value\n");
        for (VariantReport v : result.variants()) {
            row(csv, v.name(), "orders", "", v.orders());
            row(csv, v.name(), "held", "", v.held());
            row(csv, v.name(), "costPerOrder", "", v.costPerOrder());
            row(csv, v.name(), "carrierPricePerOrder", "", v.carrierPricePerOrder());
            row(csv, v.name(), "splitRate", "", v.splitRate());
            row(csv, v.name(), "fillRate", "", v.fillRate());
            row(csv, v.name(), "onTimeRate", "", v.onTimeRate());
            row(csv, v.name(), "co2KgPerOrder", "", v.co2KgPerOrder());
            row(csv, v.name(), "ordersPerSecond", "", v.ordersPerSecond());
            row(csv, v.name(), "changedOrders", "", v.changedOrders());
            v.decisions().forEach((decision, version) -> row(csv, v.name(), "decision", decision, version));
            v.nodeLoad().forEach(n -> row(csv, v.name(), "nodeLoad", n.nodeId(), n.load()));
            v.nodeLoad().forEach(n -> row(csv, v.name(), "nodeUnits", n.nodeId(), n.units()));
            v.rules().forEach(r -> row(csv, v.name(), "ruleOrders", r.decision() + ":" + r.rule(), r.orders()));
        }
        result.changedOrders().forEach(c -> row(csv, c.variant(), "changedOrder", c.orderId(), c.reason()));
        return csv.toString();
    }

    private static void row(StringBuilder csv, String variant, String figure, String key, Object value) {
        csv.append(String.join(",", List.of(cell(variant), figure, cell(key), cell(String.valueOf(value))))).append('\n');
    }

    private static String cell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
