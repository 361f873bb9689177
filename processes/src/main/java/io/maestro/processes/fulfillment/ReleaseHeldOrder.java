package io.maestro.processes.fulfillment;

import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/** {@code releaseHeldOrder}: the operator let a held order go on; who and why go on the timeline. */
@Component("releaseHeldOrder")
public class ReleaseHeldOrder implements JavaDelegate {

    private final OrderService orders;

    public ReleaseHeldOrder(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object note = execution.getVariable("reviewNote");
        Object reviewer = execution.getVariable("reviewedBy");
        orders.changeStatus((String) execution.getVariable("orderId"), OrderStatus.RECEIVED, "ORDER_RELEASED",
                reviewer == null ? "operator" : reviewer.toString(),
                "released after review" + (note == null || note.toString().isBlank() ? "" : ": " + note),
                Map.of("holdReason", String.valueOf(execution.getVariable("holdReason"))));
    }
}
