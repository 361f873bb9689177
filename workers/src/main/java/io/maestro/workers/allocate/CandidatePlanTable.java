package io.maestro.workers.allocate;

import io.maestro.workers.allocation.AllocationResult;
import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.RejectedAlternative;
import io.maestro.workers.allocation.model.Service;
import io.maestro.workers.allocation.model.Shipment;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The candidate plans of an allocation as a Markdown table for the operator's form (Tasklist renders it as a table):
 * the chosen plan and each node passed over, with its cost under the order's policy, the days until it arrives, and
 * what it ships or why it lost. Cost and arrival come first and the plan is named by its nodes' ids (what the form's
 * "source from a node" takes), so a narrow form shows them without scrolling.
 */
public final class CandidatePlanTable {

    static final String HEADER = "| Plan | Cost | Arrives in | Ships, or why not chosen |\n|---|---|---|---|";
    private static final String NONE = "—";

    private CandidatePlanTable() {
    }

    public static String of(AllocationResult result) {
        AllocationPlan plan = result.plan();
        StringBuilder table = new StringBuilder(HEADER);
        if (!plan.isEmpty()) {
            String nodes = plan.shipments().stream().map(Shipment::nodeId).distinct().collect(Collectors.joining(" + "));
            String ships = plan.shipments().stream().map(CandidatePlanTable::parcel).collect(Collectors.joining("; "));
            if (!plan.unfilledLines().isEmpty()) {
                ships += "; not placed now: " + plan.unfilledLines().stream().map(l -> l.quantity() + " × " + l.sku())
                        .collect(Collectors.joining(", "));
            }
            ships += result.proven() ? " (the least any plan could cost)" : " (the cheapest plan found in the time allowed)";
            int eta = plan.shipments().stream().mapToInt(Shipment::etaDays).max().orElse(0);
            row(table, "Chosen: " + nodes, money(plan.totalCost()), days(eta), ships);
        }
        for (RejectedAlternative alternative : result.alternatives()) {
            if (alternative.wasFeasible()) {
                row(table, alternative.nodeId(), money(plan.totalCost() + alternative.costDelta()),
                        alternative.etaDays() == RejectedAlternative.NO_ETA ? NONE : days(alternative.etaDays()),
                        alternative.describe());
            } else {
                row(table, alternative.nodeId(), NONE, NONE, alternative.describe());
            }
        }
        return table.toString();
    }

    private static String parcel(Shipment s) {
        String what = s.lines().stream().map(l -> l.quantity() + " × " + l.sku()).collect(Collectors.joining(", "));
        return s.service() == Service.PICKUP ? s.nodeName() + ": " + what + " for pickup"
                : s.nodeName() + ": " + what + " by " + s.carrier() + " " + s.service();
    }

    private static void row(StringBuilder table, String... cells) {
        table.append("\n|");
        for (String cell : cells) {
            table.append(' ').append(cell.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
    }

    private static String money(double amount) {
        return String.format(Locale.ROOT, "$%,.2f", amount);
    }

    private static String days(int days) {
        return days == 1 ? "1 day" : days + " days";
    }
}
