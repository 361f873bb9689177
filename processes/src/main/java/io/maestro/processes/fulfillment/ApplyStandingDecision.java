package io.maestro.processes.fulfillment;

import io.maestro.core.order.OrderService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code applyStandingDecision}: DMN {@code exception-handling} escalates a shortfall an operator has already decided
 * on, for the same reason ({@code answeredEscalation}, set when Task_ResolveAllocationException is completed). Nothing
 * new happened, so the operator is not asked again: their decision stands and sets {@code exceptionAction} —
 * {@code SHIP_PARTIAL} ships what this round could allocate ({@code PARTIAL_SHIP}, or {@code BACKORDER} when it found
 * nothing), anything else waits for stock again ({@code BACKORDER}; a chosen node was for one allocation). A different
 * reason (another rule of the table) is new and goes to a person.
 */
@Component("applyStandingDecision")
public class ApplyStandingDecision implements JavaDelegate {

    static final String ANSWERED = "answeredEscalation";

    private final OrderService orders;

    public ApplyStandingDecision(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String escalation = String.valueOf(execution.getVariable("exceptionReason"));
        String reason = decide(execution);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("operatorDecision", String.valueOf(execution.getVariable("operatorDecision")));
        details.put("escalation", escalation);
        details.put("action", execution.getVariable("exceptionAction"));
        details.put("backorderAttempts", BackorderOrder.attempts(execution));
        orders.record((String) execution.getVariable("orderId"), "ESCALATION_ANSWERED", "fulfillment",
                "Not escalated again: " + reason, details);
    }

    /** Sets {@code exceptionAction} and {@code exceptionReason} from the operator's decision; returns the reason. */
    public static String decide(DelegateExecution execution) {
        Object decision = execution.getVariable("operatorDecision");
        String escalation = String.valueOf(execution.getVariable("exceptionReason"));
        boolean somethingAllocated = execution.getVariable("fillRate") instanceof Number fill && fill.doubleValue() > 0;
        String action = "SHIP_PARTIAL".equals(decision) && somethingAllocated ? "PARTIAL_SHIP" : "BACKORDER";
        String reason = "the operator's decision " + decision + " on \"" + escalation + "\" stands"
                + ("PARTIAL_SHIP".equals(action) ? ": what is available ships, the rest waits for stock"
                : ": the order waits for stock");
        execution.setVariable("exceptionAction", action);
        execution.setVariable("exceptionReason", reason);
        return reason;
    }
}
