package io.maestro.processes;

import io.maestro.core.StateConflictException;
import io.maestro.core.Violations;
import io.maestro.core.geo.Address;
import io.maestro.core.geo.PostalCodeDirectory;
import io.maestro.core.order.OrderService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.Map;

/**
 * What customers and operators ask of a running order — cancel it, send it elsewhere — delivered to its
 * {@code order-fulfillment} process as messages. An order whose process no longer listens (delivered,
 * cancelled) refuses with a conflict.
 */
@Service
public class OrderRequests {

    public static final String CANCEL = "OrderCancelRequested";
    public static final String CHANGE = "OrderChangeRequested";

    private final RuntimeService runtime;
    private final OrderService orders;
    private final PostalCodeDirectory postalCodes;

    public OrderRequests(RuntimeService runtime, OrderService orders, PostalCodeDirectory postalCodes) {
        this.runtime = runtime;
        this.orders = orders;
        this.postalCodes = postalCodes;
    }

    @Transactional
    public void cancel(String orderId, String reason, String actor) {
        orders.get(orderId);
        String why = reason == null || reason.isBlank() ? "cancelled by " + actor : reason;
        deliver(orderId, CANCEL, Map.of("cancelReason", why, "cancelledBy", actor), "cancelled");
        orders.record(orderId, "CANCEL_REQUESTED", actor, why, Map.of());
    }

    @Transactional
    public void changeShipTo(String orderId, Address shipTo, String actor) {
        orders.get(orderId);
        Violations v = new Violations();
        if (shipTo == null) {
            v.add("shipTo", "is required");
        } else {
            v.requireText(shipTo.line1(), "shipTo.line1", 200);
            v.requireText(shipTo.city(), "shipTo.city", 100);
            if (v.requireText(shipTo.postalCode(), "shipTo.postalCode", 20)) {
                String country = shipTo.country() == null ? "US" : shipTo.country();
                v.require(postalCodes.locate(country, shipTo.postalCode()).isPresent(), "shipTo.postalCode",
                        "unknown postal code " + shipTo.postalCode() + " in " + country);
            }
        }
        v.throwIfAny();
        Map<String, Object> variables = new HashMap<>();
        variables.put("newShipToName", shipTo.name());
        variables.put("newShipToLine1", shipTo.line1());
        variables.put("newShipToLine2", shipTo.line2());
        variables.put("newShipToCity", shipTo.city());
        variables.put("newShipToRegion", shipTo.region());
        variables.put("newShipToPostalCode", shipTo.postalCode());
        variables.put("newShipToCountry", shipTo.country() == null ? "US" : shipTo.country());
        deliver(orderId, CHANGE, variables, "changed");
        orders.record(orderId, "CHANGE_REQUESTED", actor, "new ship-to " + shipTo.postalCode(), Map.of());
    }

    private void deliver(String orderId, String message, Map<String, Object> variables, String verb) {
        try {
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(orderId).setVariables(variables)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new StateConflictException("Order " + orderId + " can no longer be " + verb
                    + ": its fulfilment is finished or not running");
        }
    }
}
