package io.maestro.workers.allocate;

import io.maestro.core.audit.DecisionEntries;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The policy an order's process decided for it, read from the order's timeline ({@link DecisionEntries}), where no
 * engine is needed: the outputs of its latest DMN {@code fulfillment-policy} decision and, as {@code eligibleNodeTypes}
 * (comma-separated), the node types of its latest {@code node-eligibility} decision — the values the process passes
 * the allocation task, under the same names ({@link AllocationPolicies#DECIDED}, {@code serviceUpgrade}). An order
 * whose process decided nothing has nothing here: the defaults of {@link AllocationPolicies} apply to it.
 */
@Component
public class DecidedPolicies {

    static final String POLICY = "fulfillment-policy";
    static final String ELIGIBILITY = "node-eligibility";

    private final DecisionEntries decisions;

    public DecidedPolicies(DecisionEntries decisions) {
        this.decisions = decisions;
    }

    public Map<String, Object> of(String orderId) {
        Map<String, Object> decided = new HashMap<>();
        decisions.latest(orderId, POLICY).flatMap(rules -> rules.stream().findFirst()).ifPresent(first ->
                first.outputs().forEach((name, value) -> {
                    if (value != null) {
                        decided.put(name, value);
                    }
                }));
        decisions.latest(orderId, ELIGIBILITY).ifPresent(rules -> decided.put("eligibleNodeTypes", rules.stream()
                .map(rule -> rule.outputs().get("eligibleNodeType")).filter(Objects::nonNull).map(String::valueOf)
                .distinct().collect(Collectors.joining(","))));
        return decided;
    }
}
