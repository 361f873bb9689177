package io.maestro.processes.replenishment;

import io.maestro.core.replenishment.PurchaseOrders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_PlacePurchaseOrder}: the approved proposal's purchase order, on order from now on. */
@Component("placePurchaseOrder")
public class PlacePurchaseOrder implements JavaDelegate {

    private final PurchaseOrders purchaseOrders;

    public PlacePurchaseOrder(PurchaseOrders purchaseOrders) {
        this.purchaseOrders = purchaseOrders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        purchaseOrders.place((String) execution.getVariable("proposalId"));
    }
}
