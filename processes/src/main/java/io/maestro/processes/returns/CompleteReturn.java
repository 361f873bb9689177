package io.maestro.processes.returns;

import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.returns.ReturnService;
import io.maestro.processes.CustomerNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Map;

/** The refund is on its way: the return and the order are settled (RETURNED or PARTIALLY_RETURNED) and the customer told. */
@Component("completeReturn")
public class CompleteReturn implements JavaDelegate {

    private final ReturnService returns;
    private final OrderService orders;
    private final CustomerNotifications notifications;

    public CompleteReturn(ReturnService returns, OrderService orders, CustomerNotifications notifications) {
        this.returns = returns;
        this.orders = orders;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String returnId = (String) execution.getVariable("returnId");
        BigDecimal amount = new BigDecimal((String) execution.getVariable("refundAmount"));
        OrderStatus status = returns.refundRequested(returnId, amount, PrepareReturn.ACTOR);
        execution.setVariable("orderStatusAfterReturn", status.name());
        var order = orders.get((String) execution.getVariable("orderId"));
        String body = amount.signum() > 0
                ? "We refund " + amount.toPlainString() + " " + RequestReturnRefund.CURRENCY + " for return " + returnId
                        + " to your original payment method."
                : "Return " + returnId + " contained no item of this order to refund; our returns centre contacts you.";
        notifications.tell(order, "REFUNDED", returnId, "Your refund for order " + order.orderId(), body,
                Map.of("returnId", returnId, "amount", amount.toPlainString(), "currency", RequestReturnRefund.CURRENCY));
    }
}
