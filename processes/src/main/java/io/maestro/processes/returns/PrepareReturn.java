package io.maestro.processes.returns;

import io.maestro.core.network.NetworkService;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.returns.CustomerReturn;
import io.maestro.core.returns.ReturnLine;
import io.maestro.core.returns.ReturnService;
import io.maestro.processes.CustomerNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tells the customer the return arrived and puts what the per-line decisions need into the process: the return's line
 * numbers ({@code returnLineNos}), the receiving node's type and the days since the order was placed.
 */
@Component("prepareReturn")
public class PrepareReturn implements JavaDelegate {

    static final String ACTOR = "customer-return";

    private final ReturnService returns;
    private final OrderService orders;
    private final NetworkService network;
    private final CustomerNotifications notifications;
    private final Clock clock;

    public PrepareReturn(ReturnService returns, OrderService orders, NetworkService network,
                         CustomerNotifications notifications, Clock clock) {
        this.returns = returns;
        this.orders = orders;
        this.network = network;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CustomerReturn r = returns.get((String) execution.getVariable("returnId"));
        Order order = orders.get(r.orderId());
        execution.setVariable("returnLineNos", r.lines().stream().map(l -> String.valueOf(l.lineNo()))
                .collect(Collectors.joining(",")));
        execution.setVariable("receivingNodeType", network.get(r.nodeId()).type().name());
        execution.setVariable("daysSincePurchase", (int) Math.max(0,
                Duration.between(order.createdAt(), OffsetDateTime.now(clock)).toDays()));
        int units = r.lines().stream().mapToInt(ReturnLine::quantity).sum();
        notifications.tell(order, "RETURN_RECEIVED", r.returnId(), "We received your return " + r.returnId(),
                "We received " + units + " item(s) of order " + order.orderId() + ". We check them and tell you about "
                        + "your refund.", Map.of("returnId", r.returnId(), "units", units));
    }
}
