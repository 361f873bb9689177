package io.maestro.workers.allocate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.maestro.core.audit.DecisionEntries;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.command.CommandType;
import io.maestro.core.command.LineCancellations;
import io.maestro.core.command.OrderCommandLog;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.inventory.Reservation;
import io.maestro.core.network.Capability;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.NodeDefinition;
import io.maestro.core.network.NodeType;
import io.maestro.core.order.Customer;
import io.maestro.core.order.CustomerTier;
import io.maestro.core.order.NewOrder;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentEstimate;
import io.maestro.core.order.ShipmentLine;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An order allocated while its best node was out (Olean instead of the Manhattan store) is planned
 * again with the other open orders: the dry run reports the saving and changes nothing; applying hands the new plan
 * to the order's process ({@link ReplanDelivery}, here a stand-in that records it) and writes nothing itself. The
 * process applying it is walked in {@code processes} and end to end in {@code app} ({@code WaveReplanTest}). Each
 * order is planned again under the policy its process decided for it, as its timeline holds the decision
 * ({@link DecisionEntries}, written here as the process's decision audit writes it). The clock stands at 9:00 in New
 * York, before the nodes' cut-off, so a parcel leaves today.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:waves;DB_CLOSE_DELAY=-1")
@Import(WaveReoptimizationTest.OrderProcesses.class)
class WaveReoptimizationTest {

    /** Stands in for the order processes: records each plan and answers as the test tells it. */
    @TestConfiguration
    static class OrderProcesses {
        static final Clock NINE_IN_NEW_YORK = Clock.fixed(Instant.parse("2026-12-07T14:00:00Z"), ZoneOffset.UTC);
        final List<ReplanDelivery.Replan> delivered = new ArrayList<>();
        ReplanDelivery.Delivery answer = new ReplanDelivery.Delivery(ReplanDelivery.Outcome.APPLIED, "applied");

        @Bean
        @Primary
        Clock nineInNewYork() {
            return NINE_IN_NEW_YORK;
        }

        @Bean
        ReplanDelivery replanDelivery() {
            return replan -> {
                delivered.add(replan);
                return answer;
            };
        }
    }

    @Autowired WaveReoptimization waves;
    @Autowired OrderAllocation allocation;
    @Autowired OrderIntake intake;
    @Autowired OrderService orders;
    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries inventory;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;
    @Autowired OrderProcesses processes;
    @Autowired DecisionEntries decisions;
    @Autowired OrderCommandLog commands;
    @Autowired LineCancellations cancellations;
    @Autowired NodeExclusions exclusions;

    String orderId;

    @BeforeEach
    void allocatedAwayFromTheBestNode() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        ledger.adjust(new Adjustment("s1", "DC-OLEAN", "TSHIRT-BLK-M", 2L, null, null, "seed"), "test");
        ledger.adjust(new Adjustment("s2", "ST-MAN", "TSHIRT-BLK-M", 2L, null, null, "seed"), "test");
        orderId = intake.accept(TestData.order("W-WAVE"), "test").order().orderId();
        allocation.allocate(orderId, "t1", Set.of("ST-MAN"));
        processes.delivered.clear();
        processes.answer = new ReplanDelivery.Delivery(ReplanDelivery.Outcome.APPLIED, "applied");
    }

    @Test
    void aDryRunReportsTheSavingAndChangesNothing() {
        WaveReport report = waves.reoptimise(true, 5);

        assertThat(report.ordersConsidered()).isEqualTo(1);
        assertThat(report.savings()).isPositive();
        assertThat(report.currentCost().subtract(report.optimisedCost())).isEqualByComparingTo(report.savings());
        assertThat(report.changes()).singleElement().satisfies(change -> {
            assertThat(change.orderId()).isEqualTo(orderId);
            assertThat(change.currentNodes()).containsExactly("DC-OLEAN");
            assertThat(change.newNodes()).containsExactly("ST-MAN");
            assertThat(change.applied()).isFalse();
            assertThat(change.outcome()).isEqualTo("DRY_RUN");
        });
        assertThat(processes.delivered).isEmpty();
        assertThat(inventory.position("DC-OLEAN", "TSHIRT-BLK-M").orElseThrow().reserved()).isEqualTo(2);
        assertThat(inventory.position("ST-MAN", "TSHIRT-BLK-M").orElseThrow().reserved()).isZero();
    }

    @Test
    void applyingHandsTheCheaperPlanToTheOrdersProcessAndWritesNothingItself() {
        String current = orders.get(orderId).shipments().get(0).shipmentId();
        int timeline = orders.timeline(orderId).size();

        WaveReport report = waves.reoptimise(false, 5);

        assertThat(report.changes()).singleElement().satisfies(change -> {
            assertThat(change.applied()).isTrue();
            assertThat(change.outcome()).isEqualTo("APPLIED");
        });
        assertThat(processes.delivered).singleElement().satisfies(replan -> {
            assertThat(replan.orderId()).isEqualTo(orderId);
            assertThat(replan.replacedShipmentIds()).containsExactly(current);
            assertThat(replan.shipments()).singleElement().satisfies(s -> {
                assertThat(s.nodeId()).isEqualTo("ST-MAN");
                assertThat(s.status()).isEqualTo(ShipmentStatus.PLANNED);
                assertThat(s.shipmentId()).startsWith(orderId + "-" + replan.attempt() + "-");
                assertThat(s.lines()).extracting(ShipmentLine::quantity).containsExactly(2);
            });
            assertThat(replan.details()).containsEntry("attempt", replan.attempt()).containsKey("costByRule");
        });
        assertThat(inventory.position("DC-OLEAN", "TSHIRT-BLK-M").orElseThrow().reserved()).isEqualTo(2);
        assertThat(inventory.position("ST-MAN", "TSHIRT-BLK-M").orElseThrow().reserved()).isZero();
        assertThat(orders.get(orderId).shipments()).extracting(s -> s.nodeId() + ":" + s.status())
                .containsExactly("DC-OLEAN:PLANNED");
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.ALLOCATED);
        assertThat(orders.timeline(orderId)).hasSize(timeline);
        assertThat(List.of(report.currentCost(), report.optimisedCost())).allSatisfy(c -> assertThat(c).isPositive());
    }

    @Test
    void unitsALineCancelTookAreNotPlannedAgain() {
        Shipment planned = orders.get(orderId).shipments().get(0);
        commands.receive("cancel-1", orderId, CommandType.CANCEL_LINES,
                Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 1))), "test");
        ledger.shrink(planned.shipmentId() + "-1", 1, "line 1 cancelled", "test");
        orders.reducePlannedShipment(orderId, new Shipment(planned.shipmentId(), planned.nodeId(),
                List.of(new ShipmentLine(1, "TSHIRT-BLK-M", 1)), planned.carrier(), planned.service(), planned.cost(),
                planned.co2Kg(), planned.promisedDate(), planned.status(), planned.trackingNumber()), "test",
                "1 unit of line 1 taken out", Map.of());
        cancellations.record("cancel-1", orderId, 1, 1);

        waves.reoptimise(false, 5);

        assertThat(processes.delivered).singleElement().satisfies(replan -> assertThat(replan.shipments())
                .flatExtracting(Shipment::lines).extracting(ShipmentLine::quantity).containsExactly(1));
    }

    @Test
    void anOrderWhoseProcessIsPastTheSafePointIsReportedSkipped() {
        processes.answer = new ReplanDelivery.Delivery(ReplanDelivery.Outcome.SKIPPED, "shipment released meanwhile");

        WaveReport report = waves.reoptimise(false, 5);

        assertThat(report.changes()).singleElement().satisfies(change -> {
            assertThat(change.applied()).isFalse();
            assertThat(change.outcome()).isEqualTo("SKIPPED");
            assertThat(change.note()).isEqualTo("shipment released meanwhile");
        });
    }

    @Test
    void anOrderWhosePolicyForbidsShipFromStoreIsNotMovedToAStore() {
        decide(orderId, policy(3, true, false, 3, true));

        WaveReport report = waves.reoptimise(true, 5);

        assertThat(report.ordersConsidered()).isEqualTo(1);
        assertThat(report.changes()).isEmpty();
        assertThat(report.savings()).isEqualByComparingTo("0.00");
    }

    @Test
    void anOrderWhosePolicyForbidsSplitsIsNotSplitWhereTheDefaultPolicyWouldSplitIt() {
        NodeDefinition olean = TestData.node("DC-OLEAN-3PL", NodeType.THREE_PL, "Olean", "14760", Capability.SHIP);
        network.save(new NodeDefinition(olean.id(), olean.name(), olean.type(), olean.address(), null, null,
                olean.capabilities(), olean.dailyCapacity(), olean.cutoffTime(), olean.timeZone(),
                olean.handlingCostPerShipment(), new BigDecimal("20.00"), null));
        stock("SHOE-RUN-42", Map.of("DC-OLEAN-3PL", 3, "ST-MAN", 2, "DC-BKN", 1));
        String shoes = standardOrder("W-ONE-PARCEL", "SHOE-RUN-42", 3);
        allocation.allocate(shoes, "t1", Set.of(), policy(1, false, true, 5, false));
        assertThat(orders.get(shoes).shipments()).as("the one node that has all three, at $20 a unit")
                .extracting(Shipment::nodeId).containsExactly("DC-OLEAN-3PL");

        assertThat(waves.reoptimise(true, 5).changes()).as("under the default policy, which allows splits")
                .filteredOn(change -> change.orderId().equals(shoes))
                .singleElement().satisfies(change -> assertThat(change.newNodes()).hasSize(2));

        decide(shoes, policy(1, false, true, 5, false));
        WaveReport report = waves.reoptimise(true, 5);

        assertThat(report.changes()).filteredOn(change -> change.orderId().equals(shoes)).isEmpty();
    }

    @Test
    void anOrderItsPolicyGrantedATwoDayUpgradeKeepsItsServiceAndPromise() {
        stock("SHOE-RUN-42", Map.of("DC-OLEAN", 2, "ST-MAN", 2));
        String upgraded = standardOrder("W-UPGRADE", "SHOE-RUN-42", 2);
        Map<String, Object> decided = decide(upgraded, policy(3, true, true, 2, true));
        allocation.allocate(upgraded, "t1", Set.of("ST-MAN"), decided);
        assertThat(orders.get(upgraded).shipments()).extracting(Shipment::nodeId, Shipment::service)
                .containsExactly(tuple("DC-OLEAN", "TWO_DAY"));
        processes.delivered.clear();

        waves.reoptimise(false, 5);

        LocalDate today = LocalDate.now(OrderProcesses.NINE_IN_NEW_YORK);
        assertThat(processes.delivered).filteredOn(replan -> replan.orderId().equals(upgraded)).singleElement()
                .satisfies(replan -> {
                    assertThat(replan.shipments()).extracting(Shipment::nodeId, Shipment::service, Shipment::promisedDate)
                            .containsExactly(tuple("ST-MAN", "TWO_DAY", today.plusDays(2)));
                    assertThat(replan.estimates()).extracting(ShipmentEstimate::service).containsExactly("TWO_DAY");
                });
    }

    @Test
    void aNodeThatRejectedTheOrderIsNotChosenEvenWhereItIsCheapest() {
        stock("SHOE-RUN-42", Map.of("DC-OLEAN", 2, "ST-MAN", 2));
        String rerouted = standardOrder("W-REROUTED", "SHOE-RUN-42", 2);
        allocation.allocate(rerouted, "t1", Set.of());
        Shipment atStore = orders.get(rerouted).shipments().get(0);
        assertThat(atStore.nodeId()).as("the cheapest node").isEqualTo("ST-MAN");
        allocation.reallocate(rerouted, atStore.shipmentId(), "t2", Set.of(), "NODE_REJECTED: ST-MAN rejected it",
                Map.of());
        assertThat(orders.get(rerouted).shipments()).extracting(s -> s.nodeId() + ":" + s.status())
                .containsExactly("ST-MAN:REJECTED", "DC-OLEAN:PLANNED");

        WaveReport report = waves.reoptimise(false, 5);

        assertThat(report.ordersConsidered()).isEqualTo(2);
        assertThat(report.changes()).extracting(WaveReport.Change::orderId).containsExactly(orderId);
        assertThat(processes.delivered).extracting(ReplanDelivery.Replan::orderId).containsExactly(orderId);
    }

    @Test
    void anOrderWhoseOperatorChoseANodeStaysOnThatNode() {
        stock("SHOE-RUN-42", Map.of("DC-OLEAN", 2, "ST-MAN", 2));
        String chosen = standardOrder("W-CHOSEN", "SHOE-RUN-42", 2);
        choose(chosen, "DC-OLEAN");
        allocation.allocate(chosen, "t1", everyNodeBut("DC-OLEAN"));
        assertThat(orders.get(chosen).shipments()).extracting(Shipment::nodeId).containsExactly("DC-OLEAN");

        WaveReport report = waves.reoptimise(false, 5);

        assertThat(report.ordersConsidered()).isEqualTo(2);
        assertThat(report.changes()).extracting(WaveReport.Change::orderId).containsExactly(orderId);
        assertThat(processes.delivered).extracting(ReplanDelivery.Replan::orderId).containsExactly(orderId);
    }

    @Test
    void anOrderALaterRoundPutBackOnANodeThatRejectedItMayStayThere() {
        stock("SHOE-RUN-42", Map.of("DC-OLEAN", 2, "ST-MAN", 2));
        String order = standardOrder("W-BACK-THERE", "SHOE-RUN-42", 2);
        allocation.allocate(order, "t1", Set.of());
        reject(order, "t1", "ST-MAN");
        ledger.releaseAll(ledger.reservationsOf(order).stream().map(Reservation::id).toList(), "rejected", "test");
        allocation.allocate(order, "t2", Set.of());
        assertThat(orders.get(order).shipments()).extracting(s -> s.nodeId() + ":" + s.status())
                .containsExactly("ST-MAN:REJECTED", "ST-MAN:PLANNED");

        WaveReport report = waves.reoptimise(false, 5);

        assertThat(report.ordersConsidered()).isEqualTo(2);
        assertThat(report.changes()).extracting(WaveReport.Change::orderId).containsExactly(orderId);
    }

    @Test
    void anOperatorsChoiceLiftsItsNodesRejectionAndLastsUntilThatNodeRejectsOrTheOrderIsBackordered() {
        stock("SHOE-RUN-42", Map.of("DC-OLEAN", 2, "ST-MAN", 4));
        String order = standardOrder("W-CHOICES", "SHOE-RUN-42", 2);
        allocation.allocate(order, "t1", Set.of());
        reject(order, "t1", "ST-MAN");
        assertThat(exclusions.of(orders.get(order), Map.of())).containsExactly("ST-MAN");

        choose(order, "ST-MAN");
        assertThat(exclusions.of(orders.get(order), Map.of())).isEqualTo(everyNodeBut("ST-MAN"));
        allocation.allocate(order, "t2", everyNodeBut("ST-MAN"));
        reject(order, "t2", "ST-MAN");
        assertThat(exclusions.of(orders.get(order), Map.of())).as("the chosen node rejected it too")
                .containsExactly("ST-MAN");

        choose(order, "DC-OLEAN");
        assertThat(exclusions.of(orders.get(order), Map.of())).isEqualTo(everyNodeBut("DC-OLEAN"));
        orders.record(order, "BACKORDERED", "fulfillment", "waiting for stock", Map.of());
        assertThat(exclusions.of(orders.get(order), Map.of())).containsExactly("ST-MAN");
    }

    /** DMN {@code fulfillment-policy}'s outputs, as its rules give them. */
    private static Map<String, Object> policy(int maxShipments, boolean splitAllowed, boolean shipFromStoreAllowed,
                                              int promiseDays, boolean serviceUpgrade) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("costWeight", 1.0);
        outputs.put("speedWeight", 1.0);
        outputs.put("carbonWeight", 1.0);
        outputs.put("maxShipments", maxShipments);
        outputs.put("splitAllowed", splitAllowed);
        outputs.put("shipFromStoreAllowed", shipFromStoreAllowed);
        outputs.put("carbonPricePerKg", 0.10);
        outputs.put("promiseDays", promiseDays);
        outputs.put("serviceUpgrade", serviceUpgrade);
        outputs.put("consolidate", false);
        return outputs;
    }

    /** Puts the policy on the order's timeline as its process's decision. */
    private Map<String, Object> decide(String order, Map<String, Object> outputs) {
        decisions.record(order, "fulfillment-policy", 1,
                List.of(new DecisionEntries.MatchedRule("Rule_Test", "the policy this test decides", outputs)));
        return outputs;
    }

    /** The operator's choice on the timeline, as the process's {@code UseChosenNode} records it. */
    private void choose(String order, String node) {
        orders.record(order, NodeExclusions.NODE_CHOSEN, "operator", "operator sources the order from " + node,
                Map.of("nodeId", node));
    }

    /** The node of the order's shipment planned by {@code attempt} rejects it, as the shipment's process records it. */
    private void reject(String order, String attempt, String node) {
        Shipment shipment = orders.get(order).shipments().stream()
                .filter(s -> s.shipmentId().startsWith(order + "-" + attempt + "-")).findFirst().orElseThrow();
        assertThat(shipment.nodeId()).isEqualTo(node);
        orders.rejectShipment(order, shipment.shipmentId(), "test", "NODE_REJECTED: " + node + " rejected it");
    }

    private Set<String> everyNodeBut(String node) {
        return network.all().stream().map(n -> n.id()).filter(id -> !id.equals(node)).collect(Collectors.toSet());
    }

    private void stock(String sku, Map<String, Integer> byNode) {
        byNode.forEach((node, units) -> ledger.adjust(new Adjustment(sku + "@" + node, node, sku, (long) units, null,
                null, "seed"), "test"));
    }

    /** A standard customer's order (no tier upgrade) of {@code units} of one SKU, to the Brooklyn address. */
    private String standardOrder(String channelOrderId, String sku, int units) {
        NewOrder template = TestData.order(channelOrderId);
        return intake.accept(new NewOrder(template.channel(), channelOrderId,
                new Customer("C-9", CustomerTier.STANDARD, "c9@example.com"), template.shipTo(), null, null, null,
                null, List.of(new NewOrder.Line(sku, units, new BigDecimal("59.00")))), "test").order().orderId();
    }
}
