package io.maestro.app.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.app.MaestroTest;
import io.maestro.app.simulation.SimulationRequest.DecisionChoice;
import io.maestro.app.simulation.SimulationRequest.Network;
import io.maestro.app.simulation.SimulationRequest.Settings;
import io.maestro.app.simulation.SimulationRequest.Source;
import io.maestro.app.simulation.SimulationRequest.Variant;
import io.maestro.app.simulation.SimulationResult.ChangedOrder;
import io.maestro.app.simulation.SimulationResult.VariantReport;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.order.Order;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The replay engine on the demo network and stock, with scenarios small enough for every order to find stock. */
@MaestroTest
class OrderReplayTest {

    @Autowired
    OrderReplay replay;
    @Autowired
    ScenarioOrders scenarios;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InventoryQueries inventory;

    private static Source day(int orders, long seed) {
        return new Source("SCENARIO", null, null, "NORMAL_DAY", orders, seed, null, null, null, null, null);
    }

    private SimulationResult run(List<Order> orders, Variant... variants) {
        SimulationRequest request = new SimulationRequest("test", day(orders.size(), 1), List.of(variants));
        return replay.run("test", orders, request, replay.tablesOf(request), Set.of(), Set.of(), step -> { });
    }

    private static Variant plain(String name) {
        return new Variant(name, null, null, null);
    }

    @Test
    void pausingANodeChangesExactlyTheOrdersThatUsedIt() {
        List<Order> orders = scenarios.generate(day(40, 7));
        SimulationResult first = run(orders, plain("today"), plain("again"));
        assertThat(first.changedOrders()).as("the same replay twice plans the same").isEmpty();
        String busiest = first.variants().get(0).nodeLoad().stream()
                .max(java.util.Comparator.comparingLong(SimulationResult.NodeLoad::units)).orElseThrow().nodeId();
        SimulationResult paused = run(orders, plain("today"),
                new Variant("without " + busiest, null, null, new Network(List.of(busiest), null)));

        Set<String> usedIt = replayedPlans(orders, busiest);
        assertThat(usedIt).isNotEmpty();
        assertThat(paused.changedOrders()).extracting(ChangedOrder::orderId).containsExactlyInAnyOrderElementsOf(usedIt);
        assertThat(paused.changedOrders()).allSatisfy(c -> {
            assertThat(c.reason()).isEqualTo("node " + busiest + " paused");
            assertThat(c.plan()).doesNotContain(busiest + ":");
        });
        VariantReport without = paused.variants().get(1);
        assertThat(without.nodeLoad()).filteredOn(n -> n.nodeId().equals(busiest)).singleElement()
                .satisfies(n -> assertThat(n.units()).isZero());
        assertThat(without.changedOrders()).isEqualTo(usedIt.size());
    }

    /** Ids of the orders whose plan under the latest tables and no changes uses {@code nodeId}. */
    private Set<String> replayedPlans(List<Order> orders, String nodeId) {
        SimulationRequest request = new SimulationRequest("one", day(orders.size(), 1), List.of(plain("a"), plain("b")));
        DecisionTables tables = replay.tablesOf(request).get(0);
        InventoryCopy.VariantStock stock = InventoryCopy.of(inventory, orders.stream().map(Order::channel)
                .collect(Collectors.toSet()), orders.stream().flatMap(o -> o.lines().stream()).map(l -> l.sku())
                .collect(Collectors.toSet()), Set.of()).variant(Map.of());
        return orders.stream().map(o -> replay.replay(o, tables, null, Set.of(), stock))
                .filter(o -> o.nodes().contains(nodeId)).map(OrderReplay.Outcome::orderId).collect(Collectors.toSet());
    }

    @Test
    void aCandidateTableNotDeployedIsEvaluatedAndNamedInTheReasons() throws IOException {
        List<Order> orders = scenarios.generate(day(60, 11));
        String deployed;
        try (InputStream in = getClass().getResourceAsStream("/dmn/fulfillment-policy.dmn")) {
            deployed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String noStores = deployed.replaceAll("(_ShipFromStoreAllowed\">\\s*<text>)true(</text>)", "$1false$2");
        assertThat(noStores).isNotEqualTo(deployed);
        SimulationResult result = run(orders, plain("deployed"), new Variant("no ship-from-store",
                Map.of(DecisionTables.POLICY, new DecisionChoice(null, noStores)), null, null));

        VariantReport candidate = result.variants().get(1);
        assertThat(candidate.decisions()).containsEntry(DecisionTables.POLICY, "candidate");
        assertThat(result.variants().get(0).decisions().get(DecisionTables.POLICY)).startsWith("v");
        Set<String> stores = Set.copyOf(jdbc.queryForList("select id from node where type = 'STORE'", String.class));
        Set<String> usedStores = result.changedOrders().stream().flatMap(c -> stores.stream()
                .filter(s -> c.baselinePlan().contains(s + ":"))).collect(Collectors.toSet());
        assertThat(result.changedOrders()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.reason()).contains("fulfillment-policy decided shipFromStoreAllowed true → false");
            assertThat(stores).noneMatch(s -> c.plan().contains(s + ":"));
        });
        assertThat(usedStores).isNotEmpty();
        assertThat(candidate.rules()).extracting(SimulationResult.RuleHits::decision)
                .contains(DecisionTables.SCREENING, DecisionTables.POLICY, DecisionTables.ELIGIBILITY);
        assertThat(candidate.rules()).allSatisfy(r -> assertThat(r.annotation()).isNotBlank());
        assertThat(candidate.rules().stream().filter(r -> r.decision().equals(DecisionTables.POLICY))
                .mapToInt(SimulationResult.RuleHits::orders).sum()).isEqualTo(60 - candidate.held());
    }

    @Test
    void aCandidateThatDoesNotParseNamesItsField() {
        SimulationRequest request = new SimulationRequest("bad", day(10, 1), List.of(plain("a"), new Variant("b",
                Map.of(DecisionTables.POLICY, new DecisionChoice(null, "<definitions/>")), null, null)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> replay.tablesOf(request))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("variants[1].decisions.fulfillment-policy.xml"));
    }

    @Test
    void settingsAndCapacityChangePlansWithTheirReason() {
        List<Order> orders = scenarios.generate(day(60, 3));
        SimulationResult result = run(orders, plain("today"),
                new Variant("dear carbon", null, new Settings(null, null, null, 50.0, null, null, null), null),
                new Variant("no Edison", null, null, new Network(null, Map.of("DC-EDISON", 0))));
        assertThat(result.changedOrders()).filteredOn(c -> c.variant().equals("dear carbon")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.reason()).startsWith("allocation settings {carbonPricePerKg=50.0}"));
        assertThat(result.changedOrders()).filteredOn(c -> c.variant().equals("no Edison")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.reason()).isEqualTo("capacity of DC-EDISON changed"));
        VariantReport noEdison = result.variants().get(2);
        assertThat(noEdison.nodeLoad()).filteredOn(n -> n.nodeId().equals("DC-EDISON")).singleElement()
                .satisfies(n -> {
                    assertThat(n.capacity()).isZero();
                    assertThat(n.units()).isZero();
                });
        assertThat(result.variants().get(1).co2KgPerOrder()).isLessThan(result.variants().get(0).co2KgPerOrder());
    }

    @Test
    void scenariosAreSeededAndShaped() {
        List<Order> a = scenarios.generate(day(200, 5));
        List<Order> b = scenarios.generate(day(200, 5));
        assertThat(a).isEqualTo(b);
        assertThat(scenarios.generate(day(200, 6))).isNotEqualTo(a);
        List<Order> friday = scenarios.generate(new Source("SCENARIO", null, null, "BLACK_FRIDAY", 100, 5L, 6.0, null,
                null, null, null));
        assertThat(friday).hasSize(600);
        long evening = friday.stream().filter(o -> o.createdAt().getHour() >= 18 && o.createdAt().getHour() <= 21).count();
        long dawn = friday.stream().filter(o -> o.createdAt().getHour() >= 3 && o.createdAt().getHour() <= 6).count();
        assertThat(evening).isGreaterThan(4 * dawn);
        List<Order> surge = scenarios.generate(new Source("SCENARIO", null, null, "REGIONAL_SURGE", 400, 5L, null, "TX",
                0.6, null, null));
        long texas = surge.stream().filter(o -> o.shipTo().region().equals("TX")).count();
        assertThat(texas).isBetween(240L, 300L);
        assertThat(surge).allSatisfy(o -> assertThat(o.shipTo().postalCode()).matches("\\d{5}"));
        List<String> top = ScenarioOrders.topSkus(a, 3);
        AtomicInteger topUnits = new AtomicInteger();
        a.forEach(o -> o.lines().stream().filter(l -> l.sku().equals(top.get(0))).forEach(l -> topUnits.addAndGet(l.quantity())));
        assertThat(topUnits.get()).isGreaterThan(10);
    }

    /**
     * Other tests' orders may move meanwhile in the shared application, so the check is on what a replay would write
     * if it wrote: rows of its orders (orders, lines, events, shipments, reservations, notifications, ledger entries of
     * their reservations) and decisions evaluated outside a process.
     */
    @Test
    void aReplayWritesNothing() {
        List<Order> orders = scenarios.generate(day(100, 9));
        long standaloneDecisions = standaloneDecisions();
        SimulationResult result = run(orders, plain("a"), new Variant("b", null, null, new Network(List.of("DC-EDISON"), null)));

        assertThat(result.variants().get(0).withParcels()).isPositive();
        assertThat(result.variants().get(0).rules()).isNotEmpty();
        for (String table : List.of("order_line", "order_event", "shipment", "reservation", "notification")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where order_id like 'SIM-9-%'", Long.class))
                    .as(table).isZero();
        }
        assertThat(jdbc.queryForObject("select count(*) from orders where id like 'SIM-9-%'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from inventory_ledger where reservation_id like 'SIM-9-%'",
                Long.class)).isZero();
        assertThat(standaloneDecisions()).isEqualTo(standaloneDecisions);
    }

    private long standaloneDecisions() {
        return jdbc.queryForObject("select count(*) from act_hi_decinst where proc_inst_id_ is null", Long.class);
    }
}
