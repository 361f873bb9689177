package io.maestro.processes.fulfillment;

import io.maestro.core.geo.Address;
import io.maestro.core.geo.GeoPoint;
import io.maestro.core.geo.PostalCodeDirectory;
import io.maestro.core.order.OrderService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * {@code applyOrderChange}: a new ship-to address. It is stored (geocoded) and what is planned but not
 * released — shipments held for consolidation — goes back to stock so the next allocation plans it for
 * the new address. The change is on the timeline under who sent it ({@code changedBy}); the command layer refuses a
 * change once a shipment is at a node. An address nobody can locate is refused on the timeline.
 */
@Component("applyOrderChange")
public class ApplyOrderChange implements JavaDelegate {

    private final OrderService orders;
    private final PostalCodeDirectory postalCodes;
    private final PlanWithdrawal withdrawal;

    public ApplyOrderChange(OrderService orders, PostalCodeDirectory postalCodes, PlanWithdrawal withdrawal) {
        this.orders = orders;
        this.postalCodes = postalCodes;
        this.withdrawal = withdrawal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String orderId = execution.getProcessBusinessKey();
        Address address = new Address(text(execution, "newShipToName"), text(execution, "newShipToLine1"),
                text(execution, "newShipToLine2"), text(execution, "newShipToCity"), text(execution, "newShipToRegion"),
                text(execution, "newShipToPostalCode"), Optional.ofNullable(text(execution, "newShipToCountry")).orElse("US"));
        Optional<GeoPoint> location = postalCodes.locate(address.country(), address.postalCode());
        if (location.isEmpty()) {
            orders.record(orderId, "CHANGE_REFUSED", "fulfillment", "unknown postal code " + address.postalCode()
                    + " in " + address.country(), Map.of("postalCode", String.valueOf(address.postalCode())));
            return;
        }
        Object changedBy = execution.getVariable("changedBy");
        orders.changeShipTo(orderId, address, location.get(), changedBy == null ? "customer" : changedBy.toString(),
                "new ship-to address");
        String held = (String) execution.getVariable("heldShipmentIds");
        if (held != null && !held.isBlank()) {
            withdrawal.withdraw(orderId, held, "fulfillment", "re-planned for the new address");
            execution.setVariable("heldShipmentIds", "");
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
