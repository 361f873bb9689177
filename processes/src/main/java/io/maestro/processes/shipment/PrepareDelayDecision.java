package io.maestro.processes.shipment;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.order.OrderService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Task_PrepareDelayDecision: the inputs of DMN {@code shipment-delay} from a ShipmentDelayed event — days late
 * against the shipment's promised date, whether the parcel already left the node, tier and delivery option.
 */
@Component("prepareDelayDecision")
public class PrepareDelayDecision implements JavaDelegate {

    private final OrderService orders;

    public PrepareDelayDecision(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ShipmentInProcess s = ShipmentInProcess.load(orders, execution);
        LocalDate newEstimate = newEstimate(execution.getVariable("newEstimatedDelivery"), s.shipmentId());
        LocalDate promised = s.shipment().promisedDate() == null ? newEstimate : s.shipment().promisedDate();
        execution.setVariable("delayDays", (int) ChronoUnit.DAYS.between(promised, newEstimate));
        execution.setVariable("leftNode", Boolean.TRUE.equals(execution.getVariable("dispatched")));
        execution.setVariable("customerTier", execution.hasVariable("customerTier")
                ? execution.getVariable("customerTier") : s.order().customer().tier().name());
        execution.setVariable("deliveryOption", execution.hasVariable("deliveryOption")
                ? execution.getVariable("deliveryOption") : s.order().deliveryOption().name());
    }

    private static LocalDate newEstimate(Object value, String shipmentId) {
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("newEstimatedDelivery", "ShipmentDelayed for " + shipmentId
                    + " needs an ISO date (yyyy-mm-dd), got '" + value + "'");
        }
    }
}
