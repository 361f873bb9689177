package io.maestro.processes.shipment;

import io.maestro.core.partner.NodeGateway;
import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.core.partner.PartnerUnavailableException;
import io.maestro.core.partner.ShipmentRelease;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A node system that remembers what it was asked, or is down. */
class TestNodes implements NodeGateway {

    final List<ShipmentRelease> releases = new CopyOnWriteArrayList<>();
    final List<String> withdrawn = new CopyOnWriteArrayList<>();
    volatile boolean down;
    volatile PartnerRefusedException refusal;

    @Override
    public void release(ShipmentRelease release) {
        if (down) {
            throw new PartnerUnavailableException(release.nodeId(), "connection refused");
        }
        if (refusal != null) {
            throw refusal;
        }
        releases.add(release);
    }

    @Override
    public void cancel(String nodeId, String orderId, String shipmentId, String reason) {
        if (refusal != null) {
            throw refusal;
        }
        withdrawn.add(shipmentId + ": " + reason);
    }

    void reset() {
        releases.clear();
        withdrawn.clear();
        down = false;
        refusal = null;
    }
}
