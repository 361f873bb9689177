package io.maestro.processes;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.catalog.Sku;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.ChannelProtections;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies DMN {@code stock-protection} to core's ATP: per SKU category the share of stock held for a
 * channel (evaluated without a node type), per position the safety stock (by node type). Changes become
 * protections and ledger entries named after the decision version, so applying the same version twice changes nothing.
 */
@Service
public class StockProtectionRules {

    public static final String DECISION = "stock-protection";
    private static final int PAGE = 500;

    /** What applying the rules changed. */
    public record Report(int decisionVersion, int skus, int protectionsSet, int positions, int safetyStockChanged) {
    }

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final CatalogService catalog;
    private final NetworkService network;
    private final ChannelProtections protections;
    private final InventoryQueries inventory;
    private final InventoryLedger ledger;

    public StockProtectionRules(DecisionService decisions, RepositoryService repository, CatalogService catalog,
                                NetworkService network, ChannelProtections protections, InventoryQueries inventory,
                                InventoryLedger ledger) {
        this.decisions = decisions;
        this.repository = repository;
        this.catalog = catalog;
        this.network = network;
        this.protections = protections;
        this.inventory = inventory;
        this.ledger = ledger;
    }

    public Report apply(String actor) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .latestVersion().singleResult();
        Map<String, Map<String, BigDecimal>> byCategory = new HashMap<>();
        Map<String, Long> safetyByCategoryAndType = new HashMap<>();
        Map<String, String> categoryOf = new HashMap<>();
        int skus = 0;
        int protectionsSet = 0;
        for (int offset = 0; ; offset += PAGE) {
            List<Sku> page = catalog.page(null, offset, PAGE);
            for (Sku sku : page) {
                skus++;
                categoryOf.put(sku.sku(), sku.category());
                Map<String, BigDecimal> held = byCategory.computeIfAbsent(sku.category(),
                        category -> channelShares(definition, category));
                for (Map.Entry<String, BigDecimal> share : held.entrySet()) {
                    protections.set(sku.sku(), share.getKey(), share.getValue());
                    protectionsSet++;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        int positions = 0;
        int changed = 0;
        for (Node node : network.all()) {
            for (InventoryPosition p : inventory.atNode(node.id())) {
                String category = categoryOf.get(p.sku());
                if (category == null) {
                    continue;
                }
                positions++;
                long safety = safetyByCategoryAndType.computeIfAbsent(category + "|" + node.type().name(),
                        key -> safetyStock(definition, category, node.type().name()));
                if (p.safetyStock() != safety) {
                    ledger.adjust(new Adjustment(DECISION + ":v" + definition.getVersion() + ":" + node.id() + ":" + p.sku(),
                            node.id(), p.sku(), null, null, safety, DECISION + " v" + definition.getVersion() + ": "
                            + node.type() + " keeps " + safety + " of " + category), actor);
                    changed++;
                }
            }
        }
        return new Report(definition.getVersion(), skus, protectionsSet, positions, changed);
    }

    private Map<String, BigDecimal> channelShares(DecisionDefinition definition, String category) {
        Map<String, BigDecimal> shares = new TreeMap<>();
        for (Map<String, Object> row : evaluate(definition, category, null)) {
            Object channel = row.get("protectedChannel");
            Object percent = row.get("protectedPercent");
            if (channel != null && percent instanceof Number n) {
                shares.merge(channel.toString(), BigDecimal.valueOf(n.doubleValue()), BigDecimal::max);
            }
        }
        return shares;
    }

    private long safetyStock(DecisionDefinition definition, String category, String nodeType) {
        return evaluate(definition, category, nodeType).stream().map(row -> row.get("safetyStock"))
                .filter(Number.class::isInstance).mapToLong(v -> ((Number) v).longValue()).max().orElse(0);
    }

    private List<Map<String, Object>> evaluate(DecisionDefinition definition, String category, String nodeType) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("category", category);
        inputs.put("nodeType", nodeType);
        DmnDecisionResult result = decisions.evaluateDecisionById(definition.getId()).variables(inputs).evaluate();
        return result.getResultList();
    }
}
