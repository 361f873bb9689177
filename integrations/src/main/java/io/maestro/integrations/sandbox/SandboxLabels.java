package io.maestro.integrations.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Labels the sandbox carriers sold, per shipment: the sandbox node ships a parcel once its label exists. */
@Component
public class SandboxLabels {

    public record Sold(String carrier, String trackingNumber) {
    }

    private final Map<String, Sold> byShipment = new ConcurrentHashMap<>();

    public void sold(String shipmentId, String carrier, String trackingNumber) {
        byShipment.put(shipmentId, new Sold(carrier, trackingNumber));
    }

    public Optional<Sold> of(String shipmentId) {
        return Optional.ofNullable(byShipment.get(shipmentId));
    }
}
