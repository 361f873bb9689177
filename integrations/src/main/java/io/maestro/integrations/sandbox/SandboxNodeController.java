package io.maestro.integrations.sandbox;

import io.maestro.integrations.Json;
import io.maestro.integrations.PartnerProperties;
import io.maestro.integrations.nodes.NodeCancelMessage;
import io.maestro.integrations.nodes.NodeEventMessage;
import io.maestro.integrations.nodes.NodeEventType;
import io.maestro.integrations.nodes.NodeMessages;
import io.maestro.integrations.nodes.NodePartners;
import io.maestro.integrations.nodes.NodeReleaseMessage;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sandbox node systems (WMS of the DCs, the 3PL, the stores' system): a release is taken at once and answered
 * by signed webhooks — rejected at {@code maestro.sandbox.rejection-rate}, else accepted, then dispatched with the
 * label's tracking number a fifth of a day after a carrier sold one (or ready for pickup at a store); a cancel stops what is
 * left and takes a pickup that waits at the store back onto the shelf, and is refused ({@code 409 … has left}) once the
 * goods left: dispatched, or handed over at the store ({@code …/hand-over}, which the store's till does not report).
 */
@RestController
@RequestMapping("/sandbox/nodes/{nodeId}/releases")
public class SandboxNodeController {

    private static final Set<String> PICKUP = Set.of("BOPIS", "CURBSIDE");

    private enum State { RELEASED, ACCEPTED, READY, REJECTED, CANCELLED, DONE }

    private final SandboxFaults faults;
    private final SandboxWebhooks webhooks;
    private final SimulatedTime time;
    private final SandboxLabels labels;
    private final SandboxProperties sandbox;
    private final NodePartners nodes;
    private final Map<String, State> shipments = new ConcurrentHashMap<>();

    public SandboxNodeController(SandboxFaults faults, SandboxWebhooks webhooks, SimulatedTime time, SandboxLabels labels,
                                 SandboxProperties sandbox, NodePartners nodes) {
        this.faults = faults;
        this.webhooks = webhooks;
        this.time = time;
        this.labels = labels;
        this.sandbox = sandbox;
        this.nodes = nodes;
    }

    /** Takes a release (JSON, or CSV lines); the same shipment again is taken once. */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, String> release(@PathVariable String nodeId, @RequestBody String body,
                                       @RequestHeader(value = "Content-Type", defaultValue = "application/json") String type) {
        faults.apply(nodeId, "nodes");
        Release release = type.startsWith("text/csv") ? fromCsv(body) : fromJson(body);
        if (shipments.putIfAbsent(release.shipmentId(), State.RELEASED) == null) {
            time.after(0.1, () -> decide(nodeId, release));
        }
        return Map.of("shipmentId", release.shipmentId(), "status", "RECEIVED");
    }

    @PostMapping("/{shipmentId}/cancel")
    public Map<String, String> cancel(@PathVariable String nodeId, @PathVariable String shipmentId,
                                      @RequestBody NodeCancelMessage cancel) {
        faults.apply(nodeId, "nodes");
        State state = shipments.computeIfPresent(shipmentId, (id, s) -> s == State.DONE ? s : State.CANCELLED);
        if (state == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No release " + shipmentId + " at " + nodeId);
        }
        if (state == State.DONE) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, shipmentId + " has left " + nodeId);
        }
        return Map.of("shipmentId", shipmentId, "status", "CANCELLED");
    }

    /** The store hands a ready pickup over at the till without telling Maestro (a till offline): it has left the store. */
    @PostMapping("/{shipmentId}/hand-over")
    public Map<String, String> handOver(@PathVariable String nodeId, @PathVariable String shipmentId) {
        State state = shipments.get(shipmentId);
        if (state == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No release " + shipmentId + " at " + nodeId);
        }
        if (!shipments.replace(shipmentId, State.READY, State.DONE)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, shipmentId + " is not waiting for pickup at " + nodeId
                    + " (" + state + ")");
        }
        return Map.of("shipmentId", shipmentId, "status", "HANDED_OVER");
    }

    private void decide(String nodeId, Release release) {
        boolean reject = ThreadLocalRandom.current().nextDouble() < sandbox.getRejectionRate();
        if (!shipments.replace(release.shipmentId(), State.RELEASED, reject ? State.REJECTED : State.ACCEPTED)) {
            return;
        }
        if (reject) {
            send(nodeId, release, NodeEventType.REJECTED, e -> withReason(e, "no capacity to pick today"));
            return;
        }
        send(nodeId, release, NodeEventType.ACCEPTED, e -> e);
        if (PICKUP.contains(release.deliveryOption())) {
            time.after(0.3, () -> readyForPickup(nodeId, release));
        } else {
            dispatchOnceLabelled(nodeId, release);
        }
    }

    /** Ships a fifth of a day after the parcel got its label, as a packing station would. */
    private void dispatchOnceLabelled(String nodeId, Release release) {
        labels.whenSold(release.shipmentId(), label -> time.after(0.2, () -> {
            if (!labels.isVoided(label.trackingNumber()) && shipments.replace(release.shipmentId(), State.ACCEPTED, State.DONE)) {
                send(nodeId, release, NodeEventType.DISPATCHED, e -> new NodeEventMessage(e.eventId(), e.type(),
                        e.orderId(), e.shipmentId(), null, null, label.trackingNumber(), label.carrier(), null,
                        e.occurredAt()));
            }
        }));
    }

    private void readyForPickup(String nodeId, Release release) {
        if (shipments.replace(release.shipmentId(), State.ACCEPTED, State.READY)) {
            String code = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            send(nodeId, release, NodeEventType.READY_FOR_PICKUP, e -> new NodeEventMessage(e.eventId(), e.type(),
                    e.orderId(), e.shipmentId(), null, null, null, null, code, e.occurredAt()));
        }
    }

    private void send(String nodeId, Release release, NodeEventType type,
                      UnaryOperator<NodeEventMessage> details) {
        NodeEventMessage event = details.apply(new NodeEventMessage(nodeId + ":" + release.shipmentId() + ":" + type, type,
                release.orderId(), release.shipmentId(), null, null, null, null, null, OffsetDateTime.now()));
        webhooks.send("/api/partners/nodes/" + nodeId + "/events", secret(nodeId), event);
    }

    private static NodeEventMessage withReason(NodeEventMessage e, String reason) {
        return new NodeEventMessage(e.eventId(), e.type(), e.orderId(), e.shipmentId(), reason, null, null, null, null,
                e.occurredAt());
    }

    private String secret(String nodeId) {
        return nodes.of(nodeId).map(PartnerProperties.Endpoint::secret)
                .orElseThrow(() -> new IllegalStateException("No partner configuration for node " + nodeId));
    }

    private record Release(String orderId, String shipmentId, String deliveryOption) {
    }

    private static Release fromJson(String body) {
        NodeReleaseMessage message;
        try {
            message = Json.read(body, NodeReleaseMessage.class);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (message.orderId() == null || message.shipmentId() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "orderId and shipmentId are required");
        }
        return new Release(message.orderId(), message.shipmentId(), message.deliveryOption());
    }

    /** The first data line under {@link NodeMessages#CSV_HEADER} names the order, shipment and delivery option. */
    private static Release fromCsv(String body) {
        String[] lines = body.split("\r?\n");
        if (lines.length < 2 || !lines[0].equals(NodeMessages.CSV_HEADER)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "CSV release needs the header and a line");
        }
        String[] cells = lines[1].split(",", -1);
        return new Release(cells[0], cells[1], cells[6]);
    }
}
