package io.maestro.workers.allocation;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the engine decided and why.
 *
 * @param explored search nodes the optimiser explored
 * @param proven   the plan is proven optimal under the policy (false for baselines or a search cut short)
 * @param rule     the sourcing rule that decided, e.g. "B2"
 */
public record AllocationResult(AllocationPlan plan, List<RejectedAlternative> alternatives, long explored,
                               boolean proven, String rule) {

    public AllocationResult {
        alternatives = List.copyOf(alternatives);
    }

    /** One paragraph for the order's timeline. */
    public String explanation() {
        StringBuilder text = new StringBuilder();
        if (plan.isEmpty()) {
            text.append("No node can ship this order now.");
        } else {
            text.append(plan.shipments().stream()
                    .map(s -> String.format(Locale.ROOT, "%s ships %s by %s %s ($%.2f, %d days, %.2f kg CO2e)",
                            s.nodeName(), s.lines().stream().map(l -> l.quantity() + " × " + l.sku())
                                    .collect(Collectors.joining(", ")),
                            s.carrier(), s.service(), s.cost(), s.etaDays(), s.co2Kg()))
                    .collect(Collectors.joining("; ")));
            text.append('.');
        }
        if (!plan.unfilledLines().isEmpty()) {
            text.append(" Unfilled: ").append(plan.unfilledLines().stream()
                    .map(l -> l.quantity() + " × " + l.sku()).collect(Collectors.joining(", "))).append('.');
        }
        text.append(String.format(Locale.ROOT, " Total $%.2f.", plan.totalCost()));
        if (!alternatives.isEmpty()) {
            text.append(" Not chosen: ").append(alternatives.stream().map(RejectedAlternative::describe)
                    .collect(Collectors.joining("; "))).append('.');
        }
        return text.toString();
    }
}
