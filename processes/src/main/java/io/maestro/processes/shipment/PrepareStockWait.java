package io.maestro.processes.shipment;

import io.maestro.core.order.OrderService;
import io.maestro.processes.FulfillmentProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Task_PrepareStockWait: no node can take the rerouted lines now. They wait for stock (InventoryAvailable) or
 * the configured retry time ({@code backorderRetry}), whichever comes first; the wait is on the timeline.
 */
@Component("prepareStockWait")
public class PrepareStockWait implements JavaDelegate {

    private final OrderService orders;
    private final FulfillmentProperties properties;

    public PrepareStockWait(OrderService orders, FulfillmentProperties properties) {
        this.orders = orders;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String retry = properties.backorderRetry().toString();
        String shipmentId = (String) execution.getVariable("shipmentId");
        orders.record(execution.getProcessBusinessKey(), "REROUTE_WAITING_FOR_STOCK", ShipmentInProcess.ACTOR,
                "The lines of " + shipmentId + " wait for stock (retry in " + retry + "): "
                        + execution.getVariable("allocationFailureReason"), Map.of("shipmentId", shipmentId));
        execution.setVariable("backorderRetry", retry);
    }
}
