package io.maestro.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.catalog.Sku;
import io.maestro.core.inventory.ChannelProtections;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.inventory.LedgerRebuild;
import io.maestro.core.inventory.NodeAvailability;
import io.maestro.core.network.Capability;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import io.maestro.core.network.NodeType;
import io.maestro.core.testing.DomainTables;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(classes = DemoTestConfiguration.class, properties = {
    "spring.datasource.url=jdbc:h2:mem:demo-${random.uuid};DB_CLOSE_DELAY=-1",
    // core's scan also finds core's test application in the core test-jar; keep its @EnableAutoConfiguration off
    "spring.boot.enableautoconfiguration=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoNetworkAndCatalogTest {

    private static final String TSHIRT = "TSHIRT-BLK-M";

    @Autowired DemoNetworkAndCatalog demo;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired InventoryQueries inventory;
    @Autowired ChannelProtections protections;
    @Autowired LedgerRebuild rebuild;
    @Autowired JdbcTemplate jdbc;

    private Map<String, Node> nodes;

    @BeforeAll
    void loadOnce() {
        DomainTables.empty(jdbc);
        assertThat(demo.loadIfEmpty()).isTrue();
        nodes = network.all().stream().collect(Collectors.toMap(Node::id, Function.identity()));
    }

    @Test
    void networkHasAboutTwentyFiveNodesOfEveryType() {
        assertThat(nodes).hasSizeBetween(20, 30);
        Map<NodeType, Long> byType = nodes.values().stream().collect(Collectors.groupingBy(Node::type, Collectors.counting()));
        assertThat(byType).containsOnlyKeys(NodeType.values());
        assertThat(byType.get(NodeType.DC)).isGreaterThanOrEqualTo(5);
        assertThat(byType.get(NodeType.STORE)).isGreaterThanOrEqualTo(10);
        assertThat(nodes.values()).filteredOn(n -> n.type() == NodeType.STORE)
                .anyMatch(n -> n.can(Capability.SHIP_FROM_STORE))
                .anyMatch(n -> !n.can(Capability.SHIP_FROM_STORE) && n.can(Capability.PICKUP));
        assertThat(nodes.values()).filteredOn(n -> n.type() == NodeType.DC)
                .allMatch(dc -> nodes.values().stream().filter(s -> s.type() == NodeType.STORE)
                        .allMatch(s -> dc.handlingCostPerUnit().compareTo(s.handlingCostPerUnit()) < 0));
        assertThat(nodes.values()).extracting(Node::timeZone)
                .contains("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles");
    }

    @Test
    void namedDistributionCentresAreGeocodedFromTheirZipCodes() {
        Node brooklyn = nodes.get("DC-BROOKLYN");
        assertThat(brooklyn.address().postalCode()).isEqualTo("11201");
        assertThat(brooklyn.latitude()).isCloseTo(40.69, within(0.05));
        assertThat(brooklyn.longitude()).isCloseTo(-73.99, within(0.05));
        Node olean = nodes.get("DC-OLEAN");
        assertThat(olean.address().postalCode()).isEqualTo("14760");
        assertThat(olean.latitude()).isCloseTo(42.08, within(0.05));
        assertThat(olean.longitude()).isCloseTo(-78.43, within(0.05));
    }

    @Test
    void manhattanStoreOffersPickupCurbsideAndShipping() {
        Node soho = nodes.get("ST-NYC-SOHO");
        assertThat(soho.type()).isEqualTo(NodeType.STORE);
        assertThat(soho.address().postalCode()).isIn("10012", "10013");
        assertThat(soho.capabilities()).contains(Capability.PICKUP, Capability.CURBSIDE, Capability.SHIP_FROM_STORE);
    }

    @Test
    void catalogHasAboutTwoHundredSkus() {
        assertThat(catalog.count(null)).isBetween(180L, 230L);
        List<Sku> all = catalog.page(null, 0, 1000);
        assertThat(all).extracting(Sku::category).contains("TSHIRTS", "SHOES", "BAGS");
        assertThat(all).anyMatch(Sku::hazmat).anyMatch(Sku::oversize);
        assertThat(catalog.get(TSHIRT).name()).isEqualTo("Crew t-shirt, black, size M");
        assertThat(catalog.find("SHOE-RUN-42")).isPresent();
    }

    @Test
    void seedScenarioStockIsInPlace() {
        assertThat(inventory.position("DC-BROOKLYN", TSHIRT).orElseThrow())
                .isEqualTo(new InventoryPosition("DC-BROOKLYN", TSHIRT, 1, 0, 0));
        assertThat(inventory.position("DC-OLEAN", TSHIRT).orElseThrow().onHand()).isGreaterThanOrEqualTo(2);
        assertThat(inventory.position("ST-NYC-SOHO", TSHIRT).orElseThrow())
                .isEqualTo(new InventoryPosition("ST-NYC-SOHO", TSHIRT, 2, 0, 0));
        assertThat(inventory.availability(TSHIRT, "WEB").nodes()).filteredOn(n -> n.onHand() > 0)
                .extracting(NodeAvailability::nodeId).containsExactlyInAnyOrder("DC-BROOKLYN", "DC-OLEAN", "ST-NYC-SOHO");
    }

    @Test
    void stockIsDeepAtDistributionCentresShallowInStoresAndScarceForSome() {
        List<InventoryPosition> positions = inventory.all();
        assertThat(positions).hasSizeGreaterThan(1000);
        assertThat(average(positions, NodeType.DC)).isGreaterThan(50);
        assertThat(average(positions, NodeType.STORE)).isLessThan(10);
        assertThat(positions).anyMatch(p -> p.safetyStock() > 0);
        long scarce = catalog.page(null, 0, 1000).stream()
                .map(s -> inventory.availability(s.sku(), null))
                .filter(a -> a.onHand() <= 5 && a.nodes().stream().filter(n -> n.onHand() > 0).count() <= 2)
                .count();
        assertThat(scarce).isGreaterThanOrEqualTo(5);
    }

    @Test
    void someStockIsHeldBackForTheWebStore() {
        assertThat(protections.forSku("SHOE-RUN-42"))
                .containsExactly(new ChannelProtections.Protection("SHOE-RUN-42", "WEB", new BigDecimal("20.00")));
    }

    @Test
    void positionsCanBeRebuiltFromTheLedger() {
        assertThat(rebuild.differences()).isEmpty();
    }

    @Test
    void loadingAgainChangesNothing() {
        Map<String, Integer> before = rowCounts();

        assertThat(demo.loadIfEmpty()).isFalse();

        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void generatedStockIsTheSameEveryTime() {
        assertThat(DemoStock.rows(DemoNodes.read(), DemoCatalog.read()))
                .isEqualTo(DemoStock.rows(DemoNodes.read(), DemoCatalog.read()));
    }

    private double average(List<InventoryPosition> positions, NodeType type) {
        return positions.stream().filter(p -> nodes.get(p.nodeId()).type() == type)
                .mapToLong(InventoryPosition::onHand).average().orElseThrow();
    }

    private Map<String, Integer> rowCounts() {
        return List.of("node", "sku", "inventory_position", "inventory_ledger", "channel_protection", "processed_event")
                .stream().collect(Collectors.toMap(Function.identity(),
                        t -> jdbc.queryForObject("select count(*) from " + t, Integer.class)));
    }
}
