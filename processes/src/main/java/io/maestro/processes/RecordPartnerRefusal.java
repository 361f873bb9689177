package io.maestro.processes;

import io.maestro.core.order.OrderService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the boundary events that catch BPMN error {@code PartnerRefused}: the order's timeline says which
 * step the partner refused and in its words, before the process handles the refusal.
 */
@Component("recordPartnerRefusal")
public class RecordPartnerRefusal implements ExecutionListener {

    private final OrderService orders;

    public RecordPartnerRefusal(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void notify(DelegateExecution execution) {
        orders.record(execution.getProcessBusinessKey(), "PARTNER_REFUSED", execution.getProcessDefinitionId().split(":")[0],
                RecordPartnerFailure.text(execution, "failedStep") + " refused by "
                        + RecordPartnerFailure.text(execution, "failedPartner") + ": "
                        + RecordPartnerFailure.text(execution, "partnerError"), RecordPartnerFailure.details(execution));
    }
}
