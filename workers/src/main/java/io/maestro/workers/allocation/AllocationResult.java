package io.maestro.workers.allocation;

import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.RejectedAlternative;
import io.maestro.workers.allocation.model.Service;
import io.maestro.workers.allocation.model.Shipment;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the engine decided and why.
 *
 * @param explored search nodes the optimiser explored
 * @param proven   the plan is proven optimal under the policy (false for baselines or a search cut short)
 * @param rule     the engine that decided, in plain words ({@link io.maestro.workers.allocation.realtime.Allocator#name()})
 */
public record AllocationResult(AllocationPlan plan, List<RejectedAlternative> alternatives, long explored,
                               boolean proven, String rule) {

    public AllocationResult {
        alternatives = List.copyOf(alternatives);
    }

    /** One paragraph for the order's timeline, in plain words: what ships how, what it costs, why nothing else won. */
    public String explanation() {
        StringBuilder text = new StringBuilder();
        if (plan.isEmpty()) {
            text.append("No node can ship this order now.");
        } else {
            text.append(plan.shipments().stream().map(AllocationResult::parcel).collect(Collectors.joining("; ")));
            text.append('.');
        }
        if (!plan.unfilledLines().isEmpty()) {
            text.append(" Not placed now: ").append(plan.unfilledLines().stream()
                    .map(l -> l.quantity() + " × " + l.sku()).collect(Collectors.joining(", "))).append('.');
        }
        String byRule = plan.breakdown().byRule().entrySet().stream().filter(e -> Math.abs(e.getValue()) >= 0.005)
                .map(e -> String.format(Locale.ROOT, "%s $%.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        text.append(String.format(Locale.ROOT, " This plan costs $%.2f under the order's policy%s", plan.totalCost(),
                byRule.isEmpty() ? "" : " (" + byRule + ")"));
        text.append(proven ? ", the least any plan could cost." : ", the cheapest plan found in the time allowed.");
        if (!alternatives.isEmpty()) {
            text.append(" Not chosen: ").append(alternatives.stream().map(RejectedAlternative::describe)
                    .collect(Collectors.joining("; "))).append('.');
        }
        return text.toString();
    }

    private static String parcel(Shipment s) {
        String what = s.lines().stream().map(l -> l.quantity() + " × " + l.sku()).collect(Collectors.joining(", "));
        if (s.service() == Service.PICKUP) {
            return String.format(Locale.ROOT, "%s has %s ready for pickup in %d days", s.nodeName(), what, s.etaDays());
        }
        return String.format(Locale.ROOT, "%s ships %s by %s %s for $%.2f, arriving in %d days%s (%.2f kg CO2e)",
                s.nodeName(), what, s.carrier(), s.service(), s.price(), s.etaDays(),
                s.onTime() ? "" : ", later than promised", s.co2Kg());
    }
}
