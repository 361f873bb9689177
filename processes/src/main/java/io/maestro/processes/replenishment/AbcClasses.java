package io.maestro.processes.replenishment;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ABC classes of a node's SKUs by their forecast demand: ranked by units, A until 80 % of the node's forecast units
 * are covered (the SKU that crosses 80 % is A), B until 95 %, C the rest — and every SKU with no forecast demand.
 */
public final class AbcClasses {

    static final double A_SHARE = 0.80;
    static final double B_SHARE = 0.95;

    private AbcClasses() {
    }

    public static Map<String, String> of(Map<String, Double> forecastUnits) {
        double total = forecastUnits.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Map.Entry<String, Double>> ranked = forecastUnits.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        Map<String, String> classes = new HashMap<>();
        double coveredBefore = 0;
        for (Map.Entry<String, Double> sku : ranked) {
            String abc;
            if (sku.getValue() <= 0 || total <= 0) {
                abc = "C";
            } else if (coveredBefore / total < A_SHARE) {
                abc = "A";
            } else if (coveredBefore / total < B_SHARE) {
                abc = "B";
            } else {
                abc = "C";
            }
            classes.put(sku.getKey(), abc);
            coveredBefore += Math.max(0, sku.getValue());
        }
        return classes;
    }
}
