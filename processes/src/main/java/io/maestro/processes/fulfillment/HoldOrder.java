package io.maestro.processes.fulfillment;

import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/** {@code holdOrder}: screening held the order; it waits for an operator, with the screening's reason. */
@Component("holdOrder")
public class HoldOrder implements JavaDelegate {

    private final OrderService orders;

    public HoldOrder(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = String.valueOf(execution.getVariable("holdReason"));
        orders.changeStatus((String) execution.getVariable("orderId"), OrderStatus.ON_HOLD, "ORDER_HELD", "order-screening",
                reason, Map.of("holdReason", reason));
    }
}
