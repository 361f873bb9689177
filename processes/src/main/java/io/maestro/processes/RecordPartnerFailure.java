package io.maestro.processes;

import io.maestro.core.order.OrderService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Start listener of {@code Task_HandlePartnerFailure}: the order's timeline says which step gave up, at which
 * partner and why ({@code failedStep}, {@code failedPartner}, {@code partnerError}, {@code partnerAttempts}), so an
 * order waiting for an operator is never silent.
 */
@Component("recordPartnerFailure")
public class RecordPartnerFailure implements ExecutionListener {

    private final OrderService orders;

    public RecordPartnerFailure(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object attempts = execution.getVariable("partnerAttempts");
        String why = text(execution, "partnerError");
        String reason = text(execution, "failedStep") + " at " + text(execution, "failedPartner")
                + (Boolean.TRUE.equals(execution.getVariable("partnerRefused")) ? " was refused: "
                : " gave up" + (attempts == null ? "" : " after " + attempts + " attempts") + ": ")
                + why + "; waiting for an operator";
        orders.record(execution.getProcessBusinessKey(), "PARTNER_FAILURE", execution.getProcessDefinitionId()
                .split(":")[0], reason, details(execution));
    }

    static Map<String, Object> details(DelegateExecution execution) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("step", text(execution, "failedStep"));
        details.put("partner", text(execution, "failedPartner"));
        details.put("activity", execution.getCurrentActivityId());
        Object shipmentId = execution.getVariable("shipmentId");
        if (shipmentId != null) {
            details.put("shipmentId", shipmentId.toString());
        }
        Object status = execution.getVariable("partnerStatus");
        if (status != null) {
            details.put("partnerStatus", status);
        }
        return details;
    }

    static String text(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        return value == null ? "unknown" : value.toString();
    }
}
