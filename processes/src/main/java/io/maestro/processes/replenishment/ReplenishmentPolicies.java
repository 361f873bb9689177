package io.maestro.processes.replenishment;

import io.maestro.core.replenishment.ReplenishmentPolicy;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** DMN {@code replenishment-policy} for a SKU at a node: by the node's type, the SKU's category and ABC class. */
@Component
public class ReplenishmentPolicies {

    public static final String DECISION = "replenishment-policy";

    private final DecisionService decisions;

    public ReplenishmentPolicies(DecisionService decisions) {
        this.decisions = decisions;
    }

    public ReplenishmentPolicy decide(String nodeType, String category, String abcClass) {
        Map<String, Object> out = decisions.evaluateDecisionTableByKey(DECISION)
                .variables(Variables.createVariables().putValue("nodeType", nodeType).putValue("category", category)
                        .putValue("abcClass", abcClass))
                .evaluate().getSingleResult().getEntryMap();
        return new ReplenishmentPolicy(Boolean.TRUE.equals(out.get("replenish")), number(out, "reviewDays"),
                number(out, "leadTimeDays"), ((Number) out.get("serviceLevel")).doubleValue(),
                number(out, "minOrderQuantity"), Math.max(1, number(out, "packSize")), number(out, "autoApproveUnits"),
                (String) out.get("reason"));
    }

    private static int number(Map<String, Object> out, String name) {
        return ((Number) out.get(name)).intValue();
    }
}
