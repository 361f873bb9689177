package io.maestro.processes.pickup;

import io.maestro.processes.FulfillmentProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the pickup's timings from configuration into the process, where its timers read them. */
@Component("preparePickup")
public class PreparePickup implements JavaDelegate {

    private final FulfillmentProperties fulfillment;
    private final PickupProperties pickup;

    public PreparePickup(FulfillmentProperties fulfillment, PickupProperties pickup) {
        this.fulfillment = fulfillment;
        this.pickup = pickup;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("pickupReminderAfter", fulfillment.pickupReminderAfter().toString());
        execution.setVariable("pickupNoShowAfter", fulfillment.pickupNoShowAfter().toString());
        execution.setVariable("backorderRetry", fulfillment.backorderRetry().toString());
        execution.setVariable("transferArrivalWithin", pickup.transferArrivalWithin().toString());
        execution.setVariable("offerAnswerWithin", pickup.offerAnswerWithin().toString());
    }
}
