package io.maestro.app.console;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.catalog.Sku;
import io.maestro.core.inventory.ChannelProtections;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.inventory.NodeAvailability;
import io.maestro.core.inventory.SkuAvailability;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import io.maestro.core.network.NodeStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A SKU across the network: the nodes on a map of the US coloured by ATP, each node's position, the channel
 * protections; operators pause and open nodes here (through the network service, as {@code /api/nodes/{id}/pause}).
 */
@Controller
@ConditionalOnWebApplication
public class InventoryPage {

    /** One node on the map and in the table; {@code level} names the colour of its ATP. */
    public record NodeStock(Node node, NodeAvailability stock, double x, double y, String level) {
    }

    private final InventoryQueries inventory;
    private final NetworkService network;
    private final CatalogService catalog;
    private final ChannelProtections protections;

    public InventoryPage(InventoryQueries inventory, NetworkService network, CatalogService catalog,
                         ChannelProtections protections) {
        this.inventory = inventory;
        this.network = network;
        this.catalog = catalog;
        this.protections = protections;
    }

    @GetMapping("/console/inventory")
    String inventory(@RequestParam(required = false) String sku, Model model) {
        List<Sku> skus = catalog.page(null, 0, 500);
        String shown = sku == null || sku.isBlank() ? skus.stream().map(Sku::sku).findFirst().orElse(null) : sku.trim();
        model.addAttribute("skus", skus);
        model.addAttribute("sku", shown);
        model.addAttribute("outline", UsMap.outline());
        model.addAttribute("width", UsMap.WIDTH);
        model.addAttribute("height", UsMap.HEIGHT);
        if (shown == null) {
            model.addAttribute("nodes", List.of());
            return "console/inventory";
        }
        model.addAttribute("item", catalog.get(shown));
        SkuAvailability availability = inventory.availability(shown, null);
        Map<String, NodeAvailability> byNode = availability.nodes().stream()
                .collect(Collectors.toMap(NodeAvailability::nodeId, Function.identity()));
        long most = availability.nodes().stream().mapToLong(NodeAvailability::atp).max().orElse(0);
        List<NodeStock> nodes = network.all().stream().map(n -> {
            NodeAvailability stock = byNode.getOrDefault(n.id(), new NodeAvailability(n.id(), 0, 0, 0, 0, 0));
            return new NodeStock(n, stock, UsMap.x(n.longitude()), UsMap.y(n.latitude()), level(stock.atp(), most));
        }).toList();
        model.addAttribute("availability", availability);
        model.addAttribute("nodes", nodes);
        model.addAttribute("protections", protections.forSku(shown));
        return "console/inventory";
    }

    @PostMapping("/console/nodes/{nodeId}/pause")
    String pause(@PathVariable String nodeId, @RequestParam(required = false) String sku, RedirectAttributes redirect) {
        network.setStatus(nodeId, NodeStatus.PAUSED);
        return back(nodeId + " is paused: it keeps its stock and gets no new work", sku, redirect);
    }

    @PostMapping("/console/nodes/{nodeId}/open")
    String open(@PathVariable String nodeId, @RequestParam(required = false) String sku, RedirectAttributes redirect) {
        network.setStatus(nodeId, NodeStatus.OPEN);
        return back(nodeId + " is open", sku, redirect);
    }

    private static String back(String message, String sku, RedirectAttributes redirect) {
        redirect.addFlashAttribute("accepted", message);
        redirect.addAttribute("sku", sku == null ? "" : sku);
        return "redirect:/console/inventory";
    }

    /** None, low (a quarter of the best node's or less) or good. */
    static String level(long atp, long most) {
        if (atp <= 0) {
            return "none";
        }
        return atp * 4 <= most ? "low" : "good";
    }
}
