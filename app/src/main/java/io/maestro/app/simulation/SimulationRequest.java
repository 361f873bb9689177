package io.maestro.app.simulation;

import io.maestro.core.Violations;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A what-if replay: where its orders come from and the variants to compare (the first is the baseline the others'
 * changed orders are reported against).
 */
public record SimulationRequest(String name, Source source, List<Variant> variants) {

    static final int MAX_ORDERS = 100_000;
    static final Set<String> DECISIONS = Set.of(DecisionTables.SCREENING, DecisionTables.POLICY, DecisionTables.ELIGIBILITY);

    /**
     * {@code RECORDED}: the orders created in [{@code from}, {@code to}); {@code SCENARIO}: {@code orders} generated
     * from {@code seed} as the {@code scenario} describes.
     */
    public record Source(String kind, OffsetDateTime from, OffsetDateTime to, String scenario, Integer orders,
                         Long seed, Double volumeMultiplier, String region, Double surgeShare, String nodeId,
                         Integer topSkus) {
    }

    /** A deployed version ({@code version}, latest when both are absent) or a candidate table not deployed ({@code xml}). */
    public record DecisionChoice(Integer version, String xml) {
    }

    /** Values put over the policy each order's decisions give it; absent ones are left as decided. */
    public record Settings(Double costWeight, Double speedWeight, Double carbonWeight, Double carbonPricePerKg,
                           Double splitPenalty, Double latenessPenaltyPerDay, Integer maxShipments) {
    }

    /** Nodes that take no work, and nodes' daily capacity (units) in place of their own. */
    public record Network(List<String> pausedNodes, Map<String, Integer> capacity) {
    }

    public record Variant(String name, Map<String, DecisionChoice> decisions, Settings settings, Network network) {
    }

    /** Every bad field at once; {@code knownNodes} are the network's node ids. */
    void validate(Set<String> knownNodes) {
        Violations v = new Violations();
        if (source == null) {
            v.add("source", "is required");
        } else {
            validateSource(v, knownNodes);
        }
        if (variants == null || variants.size() < 2) {
            v.add("variants", "needs at least two variants to compare");
        } else if (variants.size() > 10) {
            v.add("variants", "at most 10 variants");
        } else {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < variants.size(); i++) {
                validateVariant(v, "variants[" + i + "]", variants.get(i), names, knownNodes);
            }
        }
        v.throwIfAny();
    }

    private void validateSource(Violations v, Set<String> knownNodes) {
        if ("RECORDED".equals(source.kind())) {
            v.require(source.from() != null, "source.from", "is required for a recorded period");
            v.require(source.to() != null, "source.to", "is required for a recorded period");
            v.require(source.from() == null || source.to() == null || source.from().isBefore(source.to()),
                    "source.to", "must be after source.from");
            return;
        }
        if (!"SCENARIO".equals(source.kind())) {
            v.add("source.kind", "must be RECORDED or SCENARIO");
            return;
        }
        Scenario scenario = Scenario.named(source.scenario());
        if (scenario == null) {
            v.add("source.scenario", "must be one of " + List.of(Scenario.values()));
        }
        v.require(source.orders() == null || (source.orders() >= 1 && source.orders() <= MAX_ORDERS), "source.orders",
                "must be 1 to " + MAX_ORDERS);
        v.require(source.volumeMultiplier() == null || (source.volumeMultiplier() >= 5 && source.volumeMultiplier() <= 10),
                "source.volumeMultiplier", "must be 5 to 10");
        v.require(source.orders() == null || source.volumeMultiplier() == null
                        || source.orders() * source.volumeMultiplier() <= MAX_ORDERS, "source.orders",
                "times source.volumeMultiplier must be at most " + MAX_ORDERS);
        v.require(source.surgeShare() == null || (source.surgeShare() > 0 && source.surgeShare() <= 1),
                "source.surgeShare", "must be more than 0 and at most 1");
        v.require(source.region() == null || source.region().matches("[A-Z]{2}"), "source.region",
                "must be a US state (two capital letters)");
        v.require(source.topSkus() == null || (source.topSkus() >= 1 && source.topSkus() <= 1000), "source.topSkus",
                "must be 1 to 1000");
        v.require(source.nodeId() == null || knownNodes.contains(source.nodeId()), "source.nodeId", "is not a node");
    }

    private static void validateVariant(Violations v, String at, Variant variant, Set<String> names, Set<String> knownNodes) {
        if (variant == null) {
            v.add(at, "is required");
            return;
        }
        if (v.requireText(variant.name(), at + ".name", 60) && !names.add(variant.name())) {
            v.add(at + ".name", "is used by another variant");
        }
        if (variant.decisions() != null) {
            variant.decisions().forEach((key, choice) -> {
                String field = at + ".decisions." + key;
                if (!DECISIONS.contains(key)) {
                    v.add(field, "must be one of " + DECISIONS.stream().sorted().toList());
                } else if (choice == null) {
                    v.add(field, "is required");
                } else {
                    v.require(choice.version() == null || choice.xml() == null, field, "give a version or xml, not both");
                    v.require(choice.version() == null || choice.version() >= 1, field + ".version", "must be at least 1");
                }
            });
        }
        Settings s = variant.settings();
        if (s != null) {
            nonNegative(v, at + ".settings.costWeight", s.costWeight());
            nonNegative(v, at + ".settings.speedWeight", s.speedWeight());
            nonNegative(v, at + ".settings.carbonWeight", s.carbonWeight());
            nonNegative(v, at + ".settings.carbonPricePerKg", s.carbonPricePerKg());
            nonNegative(v, at + ".settings.splitPenalty", s.splitPenalty());
            nonNegative(v, at + ".settings.latenessPenaltyPerDay", s.latenessPenaltyPerDay());
            v.require(s.maxShipments() == null || s.maxShipments() >= 1, at + ".settings.maxShipments", "must be at least 1");
        }
        Network n = variant.network();
        if (n != null) {
            List<String> paused = n.pausedNodes() == null ? List.of() : n.pausedNodes();
            for (int i = 0; i < paused.size(); i++) {
                v.require(knownNodes.contains(paused.get(i)), at + ".network.pausedNodes[" + i + "]", "is not a node");
            }
            if (n.capacity() != null) {
                n.capacity().forEach((node, units) -> {
                    v.require(knownNodes.contains(node), at + ".network.capacity." + node, "is not a node");
                    v.require(units != null && units >= 0, at + ".network.capacity." + node, "must be 0 or more units");
                });
            }
        }
    }

    private static void nonNegative(Violations v, String field, Double value) {
        v.require(value == null || value >= 0, field, "must not be negative");
    }
}
