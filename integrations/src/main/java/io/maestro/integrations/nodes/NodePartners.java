package io.maestro.integrations.nodes;

import io.maestro.core.network.NetworkService;
import io.maestro.integrations.PartnerProperties;
import io.maestro.integrations.PartnerProperties.Endpoint;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The system behind a node id: its own configuration, else its node type's; empty for a node nobody knows. */
@Component
public class NodePartners {

    private final PartnerProperties partners;
    private final NetworkService network;

    public NodePartners(PartnerProperties partners, NetworkService network) {
        this.partners = partners;
        this.network = network;
    }

    public Optional<Endpoint> of(String nodeId) {
        if (partners.getNodes().containsKey(nodeId)) {
            return Optional.of(partners.node(nodeId, null));
        }
        return network.find(nodeId).map(node -> partners.node(nodeId, node.type()));
    }
}
