package io.maestro.app.metrics;

import java.util.Map;

/**
 * What the operations metrics report, read at once from the database and the process engine. Rates and per-order
 * figures cover the orders received within {@code maestro.metrics.window}; counts are as they stand.
 *
 * @param receivedByChannel  orders ever received, per channel
 * @param ordersByStatus     orders in each status now
 * @param backlog            orders not shipped yet (received, on hold, backordered, allocated, released, partly shipped)
 * @param stuck              orders not in a final status whose status has not changed for {@code maestro.exceptions.stalled-after}
 * @param splitRate          share of the window's orders with shipments that ship in more than one
 * @param fillRate           units on shipments that will leave ÷ units ordered, over the window's orders past allocation
 * @param costPerOrder       average shipping cost (in {@code currency}) of the window's orders with shipments
 * @param co2eKgPerOrder     average CO2e in kg of the window's orders with shipments
 * @param slaBreachesByNode  per node of the network: shipments ever withdrawn from it because it did not answer
 *                           within its acceptance SLA
 * @param partnerEventsPending partners' messages waiting for their process (inbox)
 * @param partnerEventsFailed  partners' messages that never reached their process
 * @param commandsPending    order commands (cancel, change, hold…) received and not yet applied
 * @param notificationsPending notifications waiting to be sent (outbox)
 * @param notificationsFailed  notifications that could not be sent
 * @param deadLettersOpen    input not taken, waiting for an operator
 * @param jobsDue            process engine jobs due now with retries left (the job executor's backlog)
 * @param jobsFailed         jobs out of retries
 * @param incidentsOpen      open incidents
 * @param userTasksOpen      user tasks waiting for a person
 */
public record OperationsFigures(Map<String, Long> receivedByChannel, Map<String, Long> ordersByStatus, long backlog,
                                long stuck, double splitRate, double fillRate, double costPerOrder,
                                double co2eKgPerOrder, Map<String, Long> slaBreachesByNode, long partnerEventsPending,
                                long partnerEventsFailed, long commandsPending, long notificationsPending,
                                long notificationsFailed, long deadLettersOpen, long jobsDue, long jobsFailed,
                                long incidentsOpen, long userTasksOpen) {

    static final OperationsFigures NONE = new OperationsFigures(Map.of(), Map.of(), 0, 0, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
