package io.maestro.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.audit.TimelineEntry;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.network.NetworkService;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every (from, to) pair of order and shipment statuses through {@link OrderService} on the database: the moves
 * the tables below name succeed, the same status again changes nothing, every other move is refused with
 * {@link IllegalTransitionException} and leaves status and timeline as they were. The tables are the spec, written
 * out here apart from {@link OrderTransitions} and {@link ShipmentTransitions}.
 */
@SpringBootTest
class StatusTransitionsTest {

    private static final Map<OrderStatus, Set<OrderStatus>> ORDER_MOVES = orderMoves(
            "RECEIVED -> ON_HOLD ALLOCATED BACKORDERED CANCELLED",
            "ON_HOLD -> RECEIVED CANCELLED",
            "BACKORDERED -> ALLOCATED PARTIALLY_SHIPPED SHIPPED CANCELLED",
            "ALLOCATED -> BACKORDERED RELEASED READY_FOR_PICKUP PARTIALLY_SHIPPED SHIPPED CANCELLED",
            "RELEASED -> ALLOCATED BACKORDERED READY_FOR_PICKUP CANCELLED",
            "READY_FOR_PICKUP -> PICKED_UP CANCELLED",
            "PARTIALLY_SHIPPED -> SHIPPED DELIVERED PARTIALLY_RETURNED RETURNED",
            "SHIPPED -> DELIVERED PARTIALLY_RETURNED RETURNED",
            "DELIVERED -> PARTIALLY_RETURNED RETURNED",
            "PICKED_UP -> PARTIALLY_RETURNED RETURNED",
            "PARTIALLY_RETURNED -> RETURNED",
            "CANCELLED ->",
            "RETURNED ->");

    private static final Map<ShipmentStatus, Set<ShipmentStatus>> SHIPMENT_MOVES = shipmentMoves(
            "PLANNED -> RELEASED REJECTED CANCELLED",
            "RELEASED -> ACCEPTED REJECTED DISPATCHED DELIVERED CANCELLED",
            "ACCEPTED -> DISPATCHED REJECTED DELIVERED CANCELLED",
            "DISPATCHED -> DELAYED DELIVERED",
            "DELAYED -> DELIVERED",
            "DELIVERED ->",
            "REJECTED ->",
            "CANCELLED ->");

    @Autowired OrderIntake intake;
    @Autowired OrderService orders;
    @Autowired OrderRepository repository;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;

    String orderId;

    @BeforeEach
    void anOrderWithOneShipment() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        orderId = intake.accept(TestData.order("W-SM"), "test").order().orderId();
        orders.recordPlan(orderId, "ALLOCATED", List.of(shipment(orderId + "-s-1")), OrderStatus.ALLOCATED, "test",
                "planned", Map.of());
    }

    static Stream<Arguments> orderPairs() {
        return Arrays.stream(OrderStatus.values())
                .flatMap(from -> Arrays.stream(OrderStatus.values()).map(to -> Arguments.of(from, to)));
    }

    static Stream<Arguments> shipmentPairs() {
        return Arrays.stream(ShipmentStatus.values())
                .flatMap(from -> Arrays.stream(ShipmentStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "order {0} -> {1}")
    @MethodSource("orderPairs")
    void anOrderMovesOnlyAsItsStateMachineAllows(OrderStatus from, OrderStatus to) {
        jdbc.update("update orders set status = ? where id = ?", from.name(), orderId);
        int entries = orders.timeline(orderId).size();

        if (from == to) {
            assertThat(orders.changeStatus(orderId, to, "TEST", "test", "again", Map.of())).isFalse();
            assertThat(orders.timeline(orderId)).hasSize(entries + 1);
        } else if (ORDER_MOVES.get(from).contains(to)) {
            assertThat(OrderTransitions.allowed(from, to)).isTrue();
            assertThat(orders.changeStatus(orderId, to, "TEST", "test", "moved", Map.of())).isTrue();
            assertThat(orders.timeline(orderId)).last().extracting(TimelineEntry::type).isEqualTo("TEST");
        } else {
            assertThat(OrderTransitions.allowed(from, to)).isFalse();
            assertThatThrownBy(() -> orders.changeStatus(orderId, to, "TEST", "test", "moved", Map.of()))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.from()).isEqualTo(from.name());
                        assertThat(e.to()).isEqualTo(to.name());
                    });
            assertThat(orders.get(orderId).status()).isEqualTo(from);
            assertThat(orders.timeline(orderId)).hasSize(entries);
            return;
        }
        assertThat(orders.get(orderId).status()).isEqualTo(to);
    }

    @ParameterizedTest(name = "shipment {0} -> {1}")
    @MethodSource("shipmentPairs")
    void aShipmentMovesOnlyAsItsStateMachineAllows(ShipmentStatus from, ShipmentStatus to) {
        String shipmentId = orderId + "-s-1";
        jdbc.update("update shipment set status = ? where id = ?", from.name(), shipmentId);
        int entries = orders.timeline(orderId).size();

        if (from == to) {
            assertThat(orders.changeShipmentStatus(orderId, shipmentId, to, "TEST", "test", "again")).isFalse();
            assertThat(orders.timeline(orderId)).hasSize(entries + 1);
        } else if (SHIPMENT_MOVES.get(from).contains(to)) {
            assertThat(ShipmentTransitions.allowed(from, to)).isTrue();
            assertThat(orders.changeShipmentStatus(orderId, shipmentId, to, "TEST", "test", "moved")).isTrue();
        } else {
            assertThat(ShipmentTransitions.allowed(from, to)).isFalse();
            assertThatThrownBy(() -> orders.changeShipmentStatus(orderId, shipmentId, to, "TEST", "test", "moved"))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("Shipment " + shipmentId + " cannot go from " + from + " to " + to);
            assertThat(orders.shipmentStatus(orderId, shipmentId)).isEqualTo(from);
            assertThat(orders.timeline(orderId)).hasSize(entries);
            return;
        }
        assertThat(orders.shipmentStatus(orderId, shipmentId)).isEqualTo(to);
    }

    @Test
    void theFinalStatusesAreTheOnesWithoutAWayOut() {
        assertThat(Arrays.stream(OrderStatus.values()).filter(OrderTransitions::isFinal))
                .containsExactlyInAnyOrder(OrderStatus.CANCELLED, OrderStatus.RETURNED);
        assertThat(Arrays.stream(ShipmentStatus.values()).filter(ShipmentTransitions::isFinal))
                .containsExactlyInAnyOrder(ShipmentStatus.DELIVERED, ShipmentStatus.REJECTED, ShipmentStatus.CANCELLED);
    }

    @Test
    void aStatusUpdateAppliesOnlyFromTheStatusItWasReadIn() {
        String shipmentId = orderId + "-s-1";
        jdbc.update("update shipment set status = 'CANCELLED' where id = ?", shipmentId);

        assertThat(repository.updateShipmentStatus(orderId, shipmentId, ShipmentStatus.PLANNED, ShipmentStatus.RELEASED))
                .as("a writer that read PLANNED before the cancel").isFalse();
        assertThat(repository.updateStatus(orderId, OrderStatus.RECEIVED, OrderStatus.CANCELLED)).isFalse();
        assertThat(orders.shipmentStatus(orderId, shipmentId)).isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.ALLOCATED);
    }

    @Test
    void aStepThatActsOnlyFromOneStatusIsRefusedOnceTheShipmentMovedOn() {
        String shipmentId = orderId + "-s-1";
        orders.changeShipmentStatus(orderId, shipmentId, ShipmentStatus.RELEASED, "SHIPMENT_RELEASED", "test", "released");

        assertThatThrownBy(() -> orders.changeShipmentStatus(orderId, shipmentId, ShipmentStatus.PLANNED,
                ShipmentStatus.CANCELLED, "SHIPMENT_WITHDRAWN", "test", "taken back as planned"))
                .as("RELEASED to CANCELLED is allowed, but not as the withdrawal of a planned shipment")
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(orders.shipmentStatus(orderId, shipmentId)).isEqualTo(ShipmentStatus.RELEASED);

        jdbc.update("update shipment set status = 'PLANNED' where id = ?", shipmentId);
        assertThat(orders.changeShipmentStatus(orderId, shipmentId, ShipmentStatus.PLANNED, ShipmentStatus.CANCELLED,
                "SHIPMENT_WITHDRAWN", "test", "taken back")).isTrue();
        assertThat(orders.changeShipmentStatus(orderId, shipmentId, ShipmentStatus.PLANNED, ShipmentStatus.CANCELLED,
                "SHIPMENT_WITHDRAWN", "test", "taken back again")).as("a repeat changes nothing").isFalse();
    }

    @Test
    void aPlanCannotRewriteAShipmentThatMovedOn() {
        String shipmentId = orderId + "-s-1";
        orders.changeShipmentStatus(orderId, shipmentId, ShipmentStatus.RELEASED, "SHIPMENT_RELEASED", "test", "released");

        assertThatThrownBy(() -> orders.recordPlan(orderId, "ALLOCATED", List.of(shipment(shipmentId)),
                OrderStatus.ALLOCATED, "test", "again", Map.of())).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> orders.recordPlan(orderId, "ALLOCATED", List.of(new Shipment(orderId + "-s-2", "DC-BKN",
                List.of(new ShipmentLine(1, "TSHIRT-BLK-M", 1)), "UPS", "GROUND", BigDecimal.ONE, BigDecimal.ONE,
                LocalDate.now(), ShipmentStatus.RELEASED, null)), OrderStatus.ALLOCATED, "test", "born released", Map.of()))
                .as("a new shipment starts PLANNED").isInstanceOf(IllegalTransitionException.class);
        assertThat(orders.get(orderId).shipments()).extracting(Shipment::shipmentId, Shipment::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(shipmentId, ShipmentStatus.RELEASED));
    }

    private static Shipment shipment(String shipmentId) {
        return new Shipment(shipmentId, "DC-BKN", List.of(new ShipmentLine(1, "TSHIRT-BLK-M", 1)), "UPS", "GROUND",
                BigDecimal.ONE, BigDecimal.ONE, LocalDate.now(), ShipmentStatus.PLANNED, null);
    }

    private static Map<OrderStatus, Set<OrderStatus>> orderMoves(String... rows) {
        return Arrays.stream(rows).map(r -> r.split("->")).collect(Collectors.toMap(r -> OrderStatus.valueOf(r[0].trim()),
                r -> r.length < 2 || r[1].isBlank() ? EnumSet.noneOf(OrderStatus.class) : Arrays.stream(r[1].trim().split(" "))
                        .map(OrderStatus::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(OrderStatus.class)))));
    }

    private static Map<ShipmentStatus, Set<ShipmentStatus>> shipmentMoves(String... rows) {
        return Arrays.stream(rows).map(r -> r.split("->")).collect(Collectors.toMap(r -> ShipmentStatus.valueOf(r[0].trim()),
                r -> r.length < 2 || r[1].isBlank() ? EnumSet.noneOf(ShipmentStatus.class) : Arrays.stream(r[1].trim().split(" "))
                        .map(ShipmentStatus::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(ShipmentStatus.class)))));
    }
}
