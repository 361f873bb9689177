package io.maestro.app.api;

import io.maestro.core.Saved;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import io.maestro.core.network.NodeDefinition;
import io.maestro.core.network.NodeStatus;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/nodes")
public class NodeController {

    private final NetworkService network;

    public NodeController(NetworkService network) {
        this.network = network;
    }

    @GetMapping
    public List<Node> all() {
        return network.all();
    }

    @GetMapping("/{nodeId}")
    public Node get(@PathVariable String nodeId) {
        return network.get(nodeId);
    }

    /** Creates a node (201) or replaces the one with the same id (200). */
    @PostMapping
    public ResponseEntity<Node> save(@RequestBody NodeDefinition node) {
        Saved<Node> saved = network.save(node);
        return Upserts.response(saved, "/api/nodes/" + saved.value().id());
    }

    /** A paused node keeps its stock but gets no new work. */
    @PostMapping("/{nodeId}/pause")
    public Node pause(@PathVariable String nodeId) {
        return network.setStatus(nodeId, NodeStatus.PAUSED);
    }

    @PostMapping("/{nodeId}/open")
    public Node open(@PathVariable String nodeId) {
        return network.setStatus(nodeId, NodeStatus.OPEN);
    }
}
