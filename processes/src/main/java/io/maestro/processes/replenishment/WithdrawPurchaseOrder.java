package io.maestro.processes.replenishment;

import io.maestro.core.replenishment.PurchaseOrders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_WithdrawPurchaseOrder}: the ERP refused the order, or an operator gave up on it: no longer on order. */
@Component("withdrawPurchaseOrder")
public class WithdrawPurchaseOrder implements JavaDelegate {

    private final PurchaseOrders purchaseOrders;

    public WithdrawPurchaseOrder(PurchaseOrders purchaseOrders) {
        this.purchaseOrders = purchaseOrders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        purchaseOrders.withdraw(PurchaseOrders.requestIdOf((String) execution.getVariable("proposalId")));
    }
}
