package io.maestro.processes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Execution listener {@code ${partnerEventHandOver}} on the elements where a process starts to wait for partner
 * messages (event-based gateways, message catch events): once that wait is committed, the partner events of the
 * process's order and {@code shipmentId} that arrived too early are delivered at once instead of at the next poll.
 */
@Component("partnerEventHandOver")
public class PartnerEventHandOver implements ExecutionListener {

    private final PartnerEventCorrelator correlator;

    public PartnerEventHandOver(PartnerEventCorrelator correlator) {
        this.correlator = correlator;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String orderId = execution.getProcessBusinessKey();
        String shipmentId = (String) execution.getVariable("shipmentId");
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                committed -> correlator.handOverEarlyEvents(orderId, shipmentId));
    }
}
