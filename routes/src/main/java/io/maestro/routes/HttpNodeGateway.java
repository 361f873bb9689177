package io.maestro.routes;

import io.maestro.core.partner.NodeGateway;
import io.maestro.core.partner.PartnerUnavailableException;
import io.maestro.core.partner.ShipmentRelease;
import io.maestro.integrations.LocalServer;
import io.maestro.integrations.PartnerProperties.Endpoint;
import io.maestro.integrations.nodes.NodeCancelMessage;
import io.maestro.integrations.nodes.NodeFormat;
import io.maestro.integrations.nodes.NodeMessages;
import io.maestro.integrations.nodes.NodePartners;
import org.springframework.stereotype.Component;

/**
 * Releases and cancels shipments at the node's system over HTTP: {@code POST {url}/releases} (JSON or CSV, as the
 * node is configured) and {@code POST {url}/releases/{shipmentId}/cancel}, through the system's route.
 */
@Component
public class HttpNodeGateway implements NodeGateway {

    private final NodePartners nodes;
    private final PartnerCalls calls;
    private final LocalServer server;

    public HttpNodeGateway(NodePartners nodes, PartnerCalls calls, LocalServer server) {
        this.nodes = nodes;
        this.calls = calls;
        this.server = server;
    }

    @Override
    public void release(ShipmentRelease release) {
        Endpoint partner = partner(release.nodeId());
        NodeFormat format = partner.partner().getFormat();
        calls.post(NodeRoutes.routeId(partner.key()), release.nodeId(), partner, url(partner, release.nodeId()) + "/releases",
                NodeMessages.contentType(format), NodeMessages.releaseBody(release, format));
    }

    @Override
    public void cancel(String nodeId, String orderId, String shipmentId, String reason) {
        Endpoint partner = partner(nodeId);
        calls.post(NodeRoutes.routeId(partner.key()), nodeId, partner, url(partner, nodeId) + "/releases/" + shipmentId
                + "/cancel",
                "application/json", NodeMessages.cancelBody(new NodeCancelMessage(orderId, shipmentId, nodeId, reason)));
    }

    private Endpoint partner(String nodeId) {
        return nodes.of(nodeId).orElseThrow(() -> new PartnerUnavailableException("node " + nodeId,
                "no node " + nodeId + " in the network and no partner configured for it"));
    }

    private String url(Endpoint partner, String nodeId) {
        return server.resolve(partner.url()).replace("{nodeId}", nodeId);
    }
}
