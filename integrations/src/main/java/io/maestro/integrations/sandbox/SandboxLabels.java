package io.maestro.integrations.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Labels the sandbox carriers sold, per shipment: the sandbox node ships a parcel once its label exists, however
 * long the buyer took (told when it is sold, no polling), and does not ship a parcel whose label was voided.
 */
@Component
public class SandboxLabels {

    public record Sold(String carrier, String trackingNumber) {
    }

    private final Map<String, Sold> byShipment = new HashMap<>();
    private final Map<String, List<Consumer<Sold>>> waiting = new HashMap<>();
    private final Set<String> voided = new HashSet<>();

    public void sold(String shipmentId, String carrier, String trackingNumber) {
        Sold label = new Sold(carrier, trackingNumber);
        List<Consumer<Sold>> toTell;
        synchronized (this) {
            byShipment.put(shipmentId, label);
            toTell = waiting.remove(shipmentId);
        }
        if (toTell != null) {
            toTell.forEach(listener -> listener.accept(label));
        }
    }

    /** The carrier took the label back: whoever waits for it is not told. */
    public synchronized void voided(String trackingNumber) {
        voided.add(trackingNumber);
    }

    public synchronized boolean isVoided(String trackingNumber) {
        return voided.contains(trackingNumber);
    }

    /** Runs {@code then} with the shipment's label: now if it was sold, else when it is. */
    public void whenSold(String shipmentId, Consumer<Sold> then) {
        Sold label;
        synchronized (this) {
            label = byShipment.get(shipmentId);
            if (label == null) {
                waiting.computeIfAbsent(shipmentId, id -> new ArrayList<>()).add(then);
                return;
            }
        }
        then.accept(label);
    }
}
