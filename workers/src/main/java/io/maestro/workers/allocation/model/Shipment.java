package io.maestro.workers.allocation.model;

import java.util.List;

/**
 * One parcel of the plan.
 *
 * @param price   what the carrier charges
 * @param cost    everything the parcel costs under the policy: carrier, handling, lateness and carbon
 * @param etaDays days from today to delivery (or to ready-for-pickup)
 */
public record Shipment(String nodeId, String nodeName, NodeType nodeType, List<OrderLine> lines, String carrier,
                       Service service, double price, double cost, int etaDays, double co2Kg, double miles,
                       boolean onTime) {

    public Shipment {
        lines = List.copyOf(lines);
    }

    public int units() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }
}
