package io.maestro.processes.shipment;

import io.maestro.core.NotFoundException;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.Shipment;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The order and the shipment a {@code shipment-execution} instance carries
 * (variables {@code orderId}, {@code shipmentId}).
 */
record ShipmentInProcess(Order order, Shipment shipment) {

    static final String ACTOR = "shipment-execution";

    static ShipmentInProcess load(OrderService orders, DelegateExecution execution) {
        String orderId = (String) execution.getVariable("orderId");
        String shipmentId = (String) execution.getVariable("shipmentId");
        return load(orders, orderId != null ? orderId : execution.getProcessBusinessKey(), shipmentId);
    }

    static ShipmentInProcess load(OrderService orders, String orderId, String shipmentId) {
        Order order = orders.get(orderId);
        Shipment shipment = order.shipments().stream().filter(s -> s.shipmentId().equals(shipmentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Shipment", shipmentId));
        return new ShipmentInProcess(order, shipment);
    }

    String orderId() {
        return order.orderId();
    }

    String shipmentId() {
        return shipment.shipmentId();
    }
}
