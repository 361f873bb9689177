package io.maestro.processes.fulfillment;

import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.processes.FulfillmentProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * {@code assessShortfall}: the facts DMN {@code exception-handling} weighs when not every unit could be
 * allocated — the situation, how much of it could be, and the days left until the promise — and the
 * candidate plans the operator sees if it escalates. Every wait for stock comes after it, so it also sets what
 * those waits use: {@code backorderAttempts} (0 on the first shortfall) and the retry interval {@code backorderRetry}.
 */
@Component("assessShortfall")
public class AssessShortfall implements JavaDelegate {

    private final OrderService orders;
    private final Clock clock;
    private final FulfillmentProperties properties;

    public AssessShortfall(OrderService orders, Clock clock, FulfillmentProperties properties) {
        this.orders = orders;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.get((String) execution.getVariable("orderId"));
        Object promiseDays = execution.getVariable("promiseDays");
        int promise = promiseDays instanceof Number n ? n.intValue() : 5;
        LocalDate promised = order.createdAt().toLocalDate().plusDays(promise);
        execution.setVariable("situation", "ALLOCATION_SHORT");
        execution.setVariable("daysUntilPromise", (int) ChronoUnit.DAYS.between(LocalDate.now(clock), promised));
        execution.setVariable("candidatePlans", String.valueOf(execution.getVariable("allocationExplanation")));
        if (execution.getVariable("backorderAttempts") == null) {
            execution.setVariable("backorderAttempts", 0);
            execution.setVariable("backorderRetry", properties.backorderRetry().toString());
        }
    }
}
