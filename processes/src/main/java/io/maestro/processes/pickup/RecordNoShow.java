package io.maestro.processes.pickup;

import io.maestro.core.order.OrderService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/** The customer did not collect in time: DMN {@code pickup-exception} decides with situation NO_SHOW. */
@Component("recordNoShow")
public class RecordNoShow implements JavaDelegate {

    private final OrderService orders;

    public RecordNoShow(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("situation", "NO_SHOW");
        execution.setVariable("transferPossible", false);
        execution.setVariable("otherStoreNearby", false);
        execution.setVariable("cancelReason", null);
        orders.record((String) execution.getVariable("orderId"), "PICKUP_NO_SHOW", PickupStock.ACTOR,
                "not collected within " + execution.getVariable("pickupNoShowAfter"),
                Map.of("shipmentId", String.valueOf(execution.getVariable("shipmentId"))));
    }
}
