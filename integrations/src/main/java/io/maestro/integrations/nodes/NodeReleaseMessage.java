package io.maestro.integrations.nodes;

import io.maestro.core.geo.Address;
import io.maestro.core.order.ShipmentLine;
import io.maestro.core.partner.ShipmentRelease;
import java.time.LocalDate;
import java.util.List;

/** POST {url}/releases: the shipment a node is asked to pick and ship, or hold for pickup. */
public record NodeReleaseMessage(String orderId, String shipmentId, String nodeId, List<Line> lines, Address shipTo,
                                 String deliveryOption, LocalDate promisedDate) {

    public record Line(int lineNo, String sku, int quantity) {
    }

    public static NodeReleaseMessage of(ShipmentRelease release) {
        return new NodeReleaseMessage(release.orderId(), release.shipmentId(), release.nodeId(),
                release.lines().stream().map(NodeReleaseMessage::line).toList(), release.shipTo(),
                release.deliveryOption(), release.promisedDate());
    }

    private static Line line(ShipmentLine line) {
        return new Line(line.lineNo(), line.sku(), line.quantity());
    }
}
