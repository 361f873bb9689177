package io.maestro.processes.shipment;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.ShipmentStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

/**
 * Task_PrepareDelayDecision: the inputs of DMN {@code shipment-delay} from a ShipmentDelayed event — days late
 * against the shipment's promised date, whether the parcel already left the node (the shipment's status), tier and
 * delivery option.
 */
@Component("prepareDelayDecision")
public class PrepareDelayDecision implements JavaDelegate {

    /** A shipment in one of these has left its node (DELAYED is only set on a parcel on its way). */
    private static final Set<ShipmentStatus> LEFT_NODE = EnumSet.of(ShipmentStatus.DISPATCHED, ShipmentStatus.DELAYED);

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
        execution.setVariable("leftNode", LEFT_NODE.contains(s.shipment().status()));
        if (execution.getVariable("customerTier") == null) {
            execution.setVariable("customerTier", s.order().customer().tier().name());
        }
        if (execution.getVariable("deliveryOption") == null) {
            execution.setVariable("deliveryOption", s.order().deliveryOption().name());
        }
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
