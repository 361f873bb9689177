package io.maestro.routes;

import io.maestro.core.inbox.PartnerEventInbox;
import io.maestro.core.network.NodeType;
import io.maestro.integrations.PartnerProperties;
import io.maestro.integrations.nodes.NodeMessages;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The fulfilment nodes' systems (WMS, 3PL, stores): one route per configured system ({@code node-dc},
 * {@code node-store}, ..., {@code node-<nodeId>} for nodes with their own), each node they serve behind its own
 * circuit breaker (one DC down does not stop the calls to the other DCs);
 * and {@code node-event}, their signed confirmations on their way into the partner event inbox.
 */
@Component
public class NodeRoutes extends RouteBuilder {

    public static final String EVENT_SOURCE = "node-webhook";

    private final PartnerProperties partners;
    private final PartnerCalls calls;
    private final RouteErrorPolicy errorPolicy;
    private final PartnerEventInbox inbox;

    public NodeRoutes(PartnerProperties partners, PartnerCalls calls,
                      RouteErrorPolicy errorPolicy, PartnerEventInbox inbox) {
        this.partners = partners;
        this.calls = calls;
        this.errorPolicy = errorPolicy;
        this.inbox = inbox;
    }

    /** The route of a node system: by the node's own key when it has one, else by its type. */
    public static String routeId(String partnerKey) {
        return "node-" + RouteNames.kebab(partnerKey);
    }

    @Override
    public void configure() {
        errorPolicy.applyTo(this);
        Set<String> keys = new LinkedHashSet<>();
        for (NodeType type : partners.getNodeTypes().keySet()) {
            keys.add(type.name());
        }
        keys.addAll(partners.getNodes().keySet());
        for (String key : keys) {
            calls.define(this, routeId(key));
        }

        from("direct:node-event").routeId("node-event")
                .setProperty(RouteErrorPolicy.SOURCE, constant(EVENT_SOURCE))
                .setProperty(RouteErrorPolicy.REFERENCE, simple("node ${header.nodeId}"))
                .process(exchange -> exchange.setProperty(RouteErrorPolicy.PAYLOAD, WebhookEnvelope.of(
                        exchange.getMessage().getHeader("nodeId", String.class), exchange.getMessage().getBody(String.class))
                        .toJson()))
                .process(exchange -> exchange.getMessage().setBody(NodeMessages.toPartnerEvent(
                        exchange.getMessage().getHeader("nodeId", String.class), exchange.getMessage().getBody(String.class))))
                .bean(inbox, "receiveFromPartner");
    }
}
