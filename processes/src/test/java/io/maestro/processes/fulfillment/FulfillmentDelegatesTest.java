package io.maestro.processes.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.inventory.ReservationStatus;
import io.maestro.core.network.NetworkService;
import io.maestro.core.notify.Notification;
import io.maestro.core.notify.NotificationOutbox;
import io.maestro.core.geo.Address;
import io.maestro.core.order.NewOrder;
import io.maestro.core.order.IllegalTransitionException;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentEstimate;
import io.maestro.core.order.ShipmentLine;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import io.maestro.processes.StockSignals;
import io.maestro.processes.testing.InTestPartners;
import io.maestro.workers.allocate.AllocationOutcome;
import io.maestro.workers.allocate.OrderAllocation;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import io.maestro.core.inbox.PartnerEvent;
import io.maestro.core.inbox.PartnerEventInbox;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The order-fulfillment delegates against core on H2: statuses, reservations, node calls, notifications, timeline. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:fulfillment;DB_CLOSE_DELAY=-1",
    "maestro.worker.enabled=false", "maestro.fulfillment.start-processes=false", "camunda.bpm.job-execution.enabled=false",
    "maestro.fulfillment.stock-signal-millis=3600000"})
class FulfillmentDelegatesTest {

    @Autowired LoadOrderFacts loadOrderFacts;
    @Autowired PrepareShipments prepareShipments;
    @Autowired AssessShortfall assessShortfall;
    @Autowired BackorderOrder backorderOrder;
    @Autowired ApplyStandingDecision applyStandingDecision;
    @Autowired StockSignals signals;
    @Autowired HoldForConsolidation holdForConsolidation;
    @Autowired UseChosenNode useChosenNode;
    @Autowired CancelOrder cancelOrder;
    @Autowired ApplyOrderChange applyOrderChange;
    @Autowired ApplyReplannedAllocation applyReplannedAllocation;
    @Autowired OrderAllocation allocation;
    @Autowired OrderIntake intake;
    @Autowired OrderService orders;
    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries inventory;
    @Autowired NotificationOutbox outbox;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired InTestPartners.Nodes nodes;
    @Autowired InTestPartners.Carriers carriers;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired PartnerEventInbox inbox;

    String orderId;
    Map<String, Object> variables;

    @BeforeEach
    void order() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        stock("DC-OLEAN", 2);
        orderId = intake.accept(TestData.order("W-" + System.nanoTime()), "test").order().orderId();
        variables = new HashMap<>(Map.of("orderId", orderId));
        nodes.reset();
        carriers.reset();
    }

    @Test
    void orderFactsAreWhatTheDecisionsReadAndTheCustomerIsToldOnce() throws Exception {
        loadOrderFacts.execute(execution());
        loadOrderFacts.execute(execution());

        assertThat(variables).containsEntry("customerTier", "VIP").containsEntry("destinationRegion", "NY")
                .containsEntry("orderValue", 39.8).containsEntry("lineCount", 1).containsEntry("maxLineQuantity", 2)
                .containsEntry("addressMismatch", false).containsEntry("deliveryOption", "SHIP")
                .as("nothing a shipped order does not need: no store, no loop counters yet")
                .doesNotContainKeys("pickupNodeId", "backorderAttempts", "backorderRetry", "heldShipmentIds",
                        "excludedNodes");
        assertThat(outbox.ofOrder(orderId)).extracting(Notification::type).containsExactly("ORDER_ACCEPTED");
    }

    @Test
    void aShipToStateThatIsNotTheStateOfItsZipCodeIsAnAddressMismatch() throws Exception {
        NewOrder brooklyn = TestData.order("W-ZIP-" + System.nanoTime());
        Address california = new Address("Casey Doe", "10 Jay St", null, "Brooklyn", "NY", "90210", "US");
        orderId = intake.accept(new NewOrder(brooklyn.channel(), brooklyn.channelOrderId(), brooklyn.customer(), california,
                null, null, null, null, brooklyn.lines()), "test").order().orderId();
        variables.put("orderId", orderId);

        loadOrderFacts.execute(execution());

        assertThat(variables).containsEntry("destinationRegion", "NY").containsEntry("addressMismatch", true);
    }

    @Test
    void aShortfallIsAssessedWithTheCounterAndRetryIntervalTheWaitsUse() throws Exception {
        variables.put("promiseDays", 5);
        variables.put("allocationExplanation", "DC-OLEAN lacks 2 units");

        assessShortfall.execute(execution());
        variables.put("backorderAttempts", 2);
        assessShortfall.execute(execution());

        assertThat(variables).containsEntry("situation", "ALLOCATION_SHORT")
                .containsEntry("candidatePlans", "DC-OLEAN lacks 2 units").containsEntry("backorderRetry", "PT1H")
                .as("a later round keeps counting").containsEntry("backorderAttempts", 2);
    }

    @Test
    void aBackorderGivesTheRoundsReservationsBackAndCountsTheAttempt() throws Exception {
        AllocationOutcome round = allocate("a");
        assertThat(atp("DC-OLEAN")).isZero();

        backorderOrder.execute(execution());

        assertThat(atp("DC-OLEAN")).isEqualTo(2);
        Order order = orders.get(orderId);
        assertThat(order.status()).isEqualTo(OrderStatus.BACKORDERED);
        assertThat(order.shipments()).extracting(Shipment::status).containsOnly(ShipmentStatus.CANCELLED);
        assertThat(variables).containsEntry("backorderAttempts", 1).containsEntry("shipmentIds", "");
        assertThat(outbox.ofOrder(orderId)).extracting(Notification::type).contains("BACKORDERED");
        assertThat(round.shipments()).hasSize(1);
    }

    @Test
    void theUnitsABackorderGivesBackWakeNoWaitingOrderButNewStockDoes() throws Exception {
        allocate("a");
        signals.wakeWaitingOrders();

        backorderOrder.execute(execution());

        assertThat(atp("DC-OLEAN")).isEqualTo(2);
        assertThat(signals.pendingSkus()).as("free when the round began: not new stock").doesNotContain("TSHIRT-BLK-M");
        stock("DC-OLEAN", 3);
        assertThat(signals.pendingSkus()).contains("TSHIRT-BLK-M");
    }

    @Test
    void aStandingDecisionIsFollowedAndSaidOnTheTimeline() throws Exception {
        variables.put("operatorDecision", "SHIP_PARTIAL");
        variables.put("exceptionReason", "A VIP order is still short after 3 backorders");
        variables.put("fillRate", 0.25);
        variables.put("backorderAttempts", 4);

        applyStandingDecision.execute(execution());

        assertThat(variables).containsEntry("exceptionAction", "PARTIAL_SHIP");
        assertThat(orders.timeline(orderId)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("ESCALATION_ANSWERED");
            assertThat(e.reason()).isEqualTo("Not escalated again: the operator's decision SHIP_PARTIAL on \"A VIP order is "
                    + "still short after 3 backorders\" stands: what is available ships, the rest waits for stock");
        });

        variables.put("exceptionReason", "A VIP order is still short after 3 backorders");
        variables.put("fillRate", 0.0);
        applyStandingDecision.execute(execution());
        assertThat(variables).as("nothing found this round: it waits").containsEntry("exceptionAction", "BACKORDER");
    }

    @Test
    void consolidationKeepsTheReservationsHeldAndReleasesThemTogetherLater() throws Exception {
        AllocationOutcome round = allocate("a");

        holdForConsolidation.execute(execution());
        assertThat(variables).containsEntry("heldShipmentIds", round.shipments().get(0).shipmentId());
        assertThat(atp("DC-OLEAN")).isZero();

        variables.put("shipmentIds", "");
        prepareShipments.execute(execution());
        assertThat(variables).containsEntry("executeShipmentIds", round.shipments().get(0).shipmentId())
                .containsEntry("heldShipmentIds", "");
    }

    @Test
    void anOperatorsNodeIsTheOnlyOneTheNextAllocationMayUse() throws Exception {
        allocate("a");
        variables.put("chosenNodeId", "DC-BKN");

        useChosenNode.execute(execution());

        assertThat(Set.of(((String) variables.get("excludedNodes")).split(","))).containsExactlyInAnyOrder("DC-OLEAN", "ST-MAN");
        assertThat(atp("DC-OLEAN")).isEqualTo(2);
        variables.put("chosenNodeId", "NOWHERE");
        assertThatThrownBy(() -> useChosenNode.execute(execution())).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("chosenNodeId");
    }

    @Test
    void cancellingWithdrawsReleasedShipmentsAtTheirNodesAndGivesTheStockBack() throws Exception {
        AllocationOutcome round = allocate("a");
        String shipmentId = round.shipments().get(0).shipmentId();
        orders.changeShipmentStatus(orderId, shipmentId, ShipmentStatus.RELEASED, "RELEASED", "test", "released");
        variables.put("cancelReason", "customer changed their mind");

        cancelOrder.execute(execution());

        assertThat(nodes.cancelled).containsExactly("DC-OLEAN:" + shipmentId + ":customer changed their mind");
        assertThat(atp("DC-OLEAN")).isEqualTo(2);
        Order order = orders.get(orderId);
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.shipments()).extracting(Shipment::status).containsOnly(ShipmentStatus.CANCELLED);
        assertThat(ledger.reservationsOf(orderId)).extracting(r -> r.status()).containsOnly(ReservationStatus.RELEASED);
        assertThat(outbox.ofOrder(orderId)).extracting(Notification::type).contains("CANCELLED");
        assertThat(orders.timeline(orderId)).anySatisfy(e -> assertThat(e.reason()).isEqualTo("customer changed their mind"));
    }

    @Test
    void cancellingAfterTheLabelWasBoughtWithdrawsAtTheNodeThenVoidsTheLabelAndSaysBoth() throws Exception {
        String shipmentId = labelled();
        variables.put("cancelReason", "customer changed their mind");

        cancelOrder.execute(execution());

        assertThat(nodes.cancelled).containsExactly("DC-OLEAN:" + shipmentId + ":customer changed their mind");
        assertThat(carriers.voided).containsExactly("SWIFT:SW-1");
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(atp("DC-OLEAN")).isEqualTo(2);
        assertThat(orders.timeline(orderId)).extracting(e -> e.type())
                .containsSubsequence("SHIPMENT_WITHDRAWN", "LABEL_VOIDED", "SHIPMENT_CANCELLED", "ORDER_CANCELLED");
    }

    @Test
    void aShipmentItsNodeSaysHasLeftGoesOnWithItsUnitsAndTheRefusalOnTheTimeline() throws Exception {
        String shipmentId = labelled();
        nodes.refusal = new PartnerRefusedException("node DC-OLEAN", 409, shipmentId + " has left DC-OLEAN");

        cancelOrder.execute(execution());

        Order order = orders.get(orderId);
        assertThat(order.status()).isNotEqualTo(OrderStatus.CANCELLED);
        assertThat(order.shipments()).extracting(Shipment::status).containsOnly(ShipmentStatus.RELEASED);
        assertThat(carriers.voided).as("a parcel that left keeps its label").isEmpty();
        assertThat(atp("DC-OLEAN")).as("its units stay reserved for it").isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("shipment-execution")
                .processInstanceBusinessKey(orderId).variableValueEquals("shipmentId", shipmentId).list())
                .as("the cancel ended its shipment-execution: it gets one of its own again, tracking it").hasSize(1)
                .allSatisfy(pi -> assertThat(runtime.getActiveActivityIds(pi.getId())).contains("Gateway_DispatchOrShort"));
        assertThat(orders.timeline(orderId)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("WITHDRAWAL_REFUSED");
            assertThat(e.reason()).isEqualTo("DC-OLEAN refused to withdraw " + shipmentId + ": " + shipmentId
                    + " has left DC-OLEAN; the shipment goes on");
        });
    }

    @Test
    void aLabelTheCarrierWillNotVoidKeepsTheParcelGoing() throws Exception {
        labelled();
        carriers.refusal = new PartnerRefusedException("carrier SWIFT", 409, "SW-1 is already in transit with SWIFT");

        cancelOrder.execute(execution());

        assertThat(orders.get(orderId).status()).isNotEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.timeline(orderId)).extracting(e -> e.type()).contains("SHIPMENT_WITHDRAWN", "LABEL_VOID_REFUSED")
                .doesNotContain("LABEL_VOIDED");
    }

    @Test
    void aNodeThatHoldsNothingHasNothingToWithdrawAndTheOrderIsCancelled() throws Exception {
        AllocationOutcome round = allocate("a");
        String shipmentId = round.shipments().get(0).shipmentId();
        orders.changeShipmentStatus(orderId, shipmentId, ShipmentStatus.RELEASED, "RELEASED", "test", "released");
        nodes.refusal = new PartnerRefusedException("node DC-OLEAN", 404, "No release " + shipmentId + " at DC-OLEAN");

        cancelOrder.execute(execution());

        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(atp("DC-OLEAN")).isEqualTo(2);
    }

    @Test
    void cancellingAfterAShipmentLeftKeepsItShipped() throws Exception {
        stock("DC-BKN", 5);
        AllocationOutcome round = allocate("a");
        Shipment shipped = round.shipments().get(0);
        for (ShipmentStatus step : List.of(ShipmentStatus.RELEASED, ShipmentStatus.ACCEPTED, ShipmentStatus.DISPATCHED)) {
            orders.changeShipmentStatus(orderId, shipped.shipmentId(), step, step.name(), "test", "on its way");
        }

        cancelOrder.execute(execution());

        Order order = orders.get(orderId);
        assertThat(order.status()).as("what is left has shipped").isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.shipments()).extracting(Shipment::status).containsOnly(ShipmentStatus.DISPATCHED);
        assertThat(nodes.cancelled).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("shipment-execution")
                .processInstanceBusinessKey(orderId).variableValueEquals("shipmentId", shipped.shipmentId()).list())
                .as("the parcel on its way is still tracked to delivery").hasSize(1)
                .allSatisfy(pi -> assertThat(runtime.getActiveActivityIds(pi.getId())).contains("Event_ShipmentDelivered"));
    }

    @Test
    void aDeliveryTheEndedShipmentProcessHadTakenButNotRecordedIsRecordedByTheCancel() throws Exception {
        stock("DC-BKN", 5);
        Shipment shipped = allocate("a").shipments().get(0);
        for (ShipmentStatus step : List.of(ShipmentStatus.RELEASED, ShipmentStatus.ACCEPTED, ShipmentStatus.DISPATCHED)) {
            orders.changeShipmentStatus(orderId, shipped.shipmentId(), step, step.name(), "test", "on its way");
        }
        inbox.receive(new PartnerEvent("carrier-webhook", "TH1:DELIVERED", "ShipmentDelivered", orderId,
                shipped.shipmentId(), Map.of(), null));
        inbox.ofOrder(orderId).forEach(e -> inbox.markCorrelated(e.id()));

        cancelOrder.execute(execution());

        Order order = orders.get(orderId);
        assertThat(order.shipments()).extracting(Shipment::status).containsOnly(ShipmentStatus.DELIVERED);
        assertThat(order.status()).as("the carrier will not report it again").isEqualTo(OrderStatus.DELIVERED);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("shipment-execution")
                .processInstanceBusinessKey(orderId).list()).as("nothing waits for a delivery").isEmpty();
    }

    @Test
    void cancellingTheRestAfterEveryParcelThatLeftArrivedSettlesTheOrderDelivered() throws Exception {
        Shipment shipped = allocate("a").shipments().get(0);
        for (ShipmentStatus step : List.of(ShipmentStatus.RELEASED, ShipmentStatus.ACCEPTED, ShipmentStatus.DISPATCHED,
                ShipmentStatus.DELIVERED)) {
            orders.changeShipmentStatus(orderId, shipped.shipmentId(), step, step.name(), "test", "arrived");
        }

        cancelOrder.execute(execution());

        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(orders.timeline(orderId)).extracting(e -> e.type()).containsSubsequence("ORDER_CANCELLED", "SHIPPED",
                "DELIVERED");
    }

    @Test
    void aNewAddressIsGeocodedAndHeldShipmentsArePlannedAgain() throws Exception {
        AllocationOutcome round = allocate("a");
        variables.put("heldShipmentIds", round.shipments().get(0).shipmentId());
        variables.put("newShipToLine1", "1 Main St");
        variables.put("newShipToCity", "Olean");
        variables.put("newShipToRegion", "NY");
        variables.put("newShipToPostalCode", "14760");

        applyOrderChange.execute(execution());

        Order order = orders.get(orderId);
        assertThat(order.shipTo().postalCode()).isEqualTo("14760");
        assertThat(order.latitude()).isBetween(42.0, 42.2);
        assertThat(atp("DC-OLEAN")).isEqualTo(2);
        assertThat(variables).containsEntry("heldShipmentIds", "");

        variables.put("newShipToPostalCode", "00000");
        applyOrderChange.execute(execution());
        assertThat(orders.get(orderId).shipTo().postalCode()).isEqualTo("14760");
        assertThat(orders.timeline(orderId)).extracting(e -> e.type()).contains("SHIP_TO_CHANGED", "CHANGE_REFUSED");
    }

    @Test
    void aWaveReplanWithdrawsTheReplacedShipmentSwapsTheReservationsAndRecordsTheNewShipments() throws Exception {
        String replaced = allocate("a").shipments().get(0).shipmentId();
        stock("DC-BKN", 2);
        variables.putAll(replan(replaced).variables());

        applyReplannedAllocation.execute(execution());

        assertThat(orders.get(orderId).shipments()).extracting(s -> s.shipmentId() + ":" + s.nodeId() + ":" + s.status())
                .containsExactlyInAnyOrder(replaced + ":DC-OLEAN:CANCELLED", orderId + "-w1-1:DC-BKN:PLANNED");
        assertThat(atp("DC-OLEAN")).isEqualTo(2);
        assertThat(atp("DC-BKN")).isZero();
        assertThat(ledger.reservationsOf(orderId)).filteredOn(r -> r.status() == ReservationStatus.ACTIVE)
                .extracting(r -> r.id()).containsExactly(orderId + "-w1-1-1");
        assertThat(variables).containsEntry("replannedShipmentIds", orderId + "-w1-1");
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.ALLOCATED);
        assertThat(orders.timeline(orderId)).extracting(e -> e.type()).containsSubsequence("ALLOCATED",
                "SHIPMENT_WITHDRAWN", "REOPTIMISED");
        assertThat(orders.shipmentCosts(orderId)).as("the new parcel keeps the wave's estimate")
                .filteredOn(c -> c.shipmentId().equals(orderId + "-w1-1")).singleElement()
                .satisfies(c -> assertThat(c.estimatedCost()).isEqualByComparingTo("7.10"));
    }

    @Test
    void aWaveReplanOfAShipmentReleasedMeanwhileIsRefusedAndChangesNothing() throws Exception {
        String replaced = allocate("a").shipments().get(0).shipmentId();
        stock("DC-BKN", 2);
        orders.changeShipmentStatus(orderId, replaced, ShipmentStatus.RELEASED, "SHIPMENT_RELEASED", "test", "released");
        variables.putAll(replan(replaced).variables());

        assertThatThrownBy(() -> applyReplannedAllocation.execute(execution()))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("RELEASED to CANCELLED");

        assertThat(orders.get(orderId).shipments()).extracting(Shipment::status).containsExactly(ShipmentStatus.RELEASED);
        assertThat(atp("DC-OLEAN")).isZero();
        assertThat(atp("DC-BKN")).isEqualTo(2);
    }

    private AllocationReplanned replan(String replaced) {
        return new AllocationReplanned("w1", List.of(replaced), List.of(new Shipment(orderId + "-w1-1", "DC-BKN",
                List.of(new ShipmentLine(1, "TSHIRT-BLK-M", 2)), "SWIFT", "GROUND", new BigDecimal("7.10"),
                new BigDecimal("0.300"), LocalDate.now().plusDays(2), ShipmentStatus.PLANNED, null)),
                List.of(new ShipmentEstimate(orderId + "-w1-1", "SWIFT", "GROUND", new BigDecimal("7.10"),
                        new BigDecimal("0.300"))),
                "re-planned by wave w1", Map.of("attempt", "w1"));
    }

    /** Allocated at DC-OLEAN, released and labelled with SWIFT (tracking SW-1): the cancel comes before it leaves. */
    private String labelled() {
        String shipmentId = allocate("a").shipments().get(0).shipmentId();
        orders.changeShipmentStatus(orderId, shipmentId, ShipmentStatus.RELEASED, "RELEASED", "test", "released");
        orders.recordLabel(orderId, shipmentId, "SWIFT", "GROUND", "SW-1", new BigDecimal("0.5"), LocalDate.now().plusDays(2),
                "test");
        return shipmentId;
    }

    private AllocationOutcome allocate(String attempt) {
        AllocationOutcome outcome = allocation.allocate(orderId, attempt, Set.of(), Map.of());
        variables.put("shipmentIds", outcome.shipments().stream().map(Shipment::shipmentId).collect(Collectors.joining(",")));
        return outcome;
    }

    private long atp(String nodeId) {
        return inventory.atNode(nodeId).stream().filter(p -> p.sku().equals("TSHIRT-BLK-M")).mapToLong(p -> p.onHand() - p.reserved())
                .sum();
    }

    private void stock(String nodeId, long units) {
        ledger.adjust(new Adjustment("stock-" + nodeId + "-" + System.nanoTime(), nodeId, "TSHIRT-BLK-M", null, units, null,
                "count"), "test");
    }

    /** A process execution reduced to what the delegates use: its variables and business key. */
    private DelegateExecution execution() {
        return (DelegateExecution) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DelegateExecution.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getVariable" -> variables.get((String) args[0]);
                    case "setVariable" -> variables.put((String) args[0], args[1]);
                    case "getVariables" -> new HashMap<>(variables);
                    case "getProcessBusinessKey", "getBusinessKey" -> orderId;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
