package io.maestro.processes.pickup;

import io.maestro.core.order.OrderService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The customer accepted the offered store: the order's pickup store changes, and the process reserves there. */
@Component("switchPickupStore")
public class SwitchPickupStore implements JavaDelegate {

    private final OrderService orders;

    public SwitchPickupStore(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String store = (String) execution.getVariable("alternativeStoreId");
        orders.changePickupNode((String) execution.getVariable("orderId"), store, PickupStock.ACTOR,
                "the customer accepted to collect at " + store);
        execution.setVariable("pickupNodeId", store);
    }
}
