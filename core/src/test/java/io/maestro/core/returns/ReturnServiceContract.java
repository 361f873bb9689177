package io.maestro.core.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.IdempotencyConflictException;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.Violation;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.network.NetworkService;
import io.maestro.core.order.NewOrder;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentLine;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/** Returns on H2 and on PostgreSQL: receipt, limits, idempotency, inspection, disposition, refund. */
@Import(ReturnServiceContract.Listener.class)
abstract class ReturnServiceContract {

    @TestConfiguration
    static class Listener {
        final List<ReturnOpened> heard = new ArrayList<>();

        @EventListener
        void on(ReturnOpened event) {
            heard.add(event);
        }
    }

    @Autowired ReturnService returns;
    @Autowired OrderIntake intake;
    @Autowired OrderService orders;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;
    @Autowired Listener listener;

    String orderId;

    @BeforeEach
    void anOrderWithTwoTshirtsDelivered() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        listener.heard.clear();
        orderId = intake.accept(TestData.order("W-R1"), "web").order().orderId();
        TestData.delivered(orders, orderId, new Shipment(orderId + "-a-1", "DC-BKN",
                List.of(new ShipmentLine(1, "TSHIRT-BLK-M", 2)), "SWIFT", "GROUND", BigDecimal.ONE, BigDecimal.ONE, null,
                ShipmentStatus.PLANNED, "T1"));
    }

    @Test
    void aReturnIsReceivedAtAnyNodeAnnouncedAndOnTheTimeline() {
        ReturnResult result = returns.open(new NewReturn(null, orderId, "ST-MAN",
                List.of(new NewReturn.Line(null, "TSHIRT-BLK-M", 1, "too small"))), "pos");

        CustomerReturn r = returns.get(result.customerReturn().returnId());
        assertThat(result.created()).isTrue();
        assertThat(r.returnId()).startsWith("RET-");
        assertThat(r.status()).isEqualTo(ReturnStatus.RECEIVED);
        assertThat(r.nodeId()).isEqualTo("ST-MAN");
        assertThat(r.lines()).containsExactly(new ReturnLine(1, 1, "TSHIRT-BLK-M", 1, "too small", null, null, null, null));
        assertThat(listener.heard).containsExactly(new ReturnOpened(r.returnId(), orderId, "ST-MAN"));
        assertThat(orders.timeline(orderId)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("RETURN_RECEIVED");
            assertThat(e.reason()).contains(r.returnId()).contains("ST-MAN");
        });
    }

    @Test
    void theSameReturnIdTwiceStoresOneReturn() {
        NewReturn request = new NewReturn("POS-77", orderId, "DC-BKN", List.of(new NewReturn.Line(1, null, 2, "unwanted")));

        assertThat(returns.open(request, "pos").created()).isTrue();
        ReturnResult again = returns.open(request, "pos");

        assertThat(again.created()).isFalse();
        assertThat(again.customerReturn().returnId()).isEqualTo("POS-77");
        assertThat(returns.ofOrder(orderId)).hasSize(1);
        assertThat(listener.heard).hasSize(1);
    }

    @Test
    void theSameReturnIdForAnotherReturnIsRefusedNamingIt() {
        returns.open(new NewReturn("POS-77", orderId, "DC-BKN", List.of(new NewReturn.Line(1, null, 1, "unwanted"))), "pos");

        assertThatThrownBy(() -> returns.open(new NewReturn("POS-77", orderId, "DC-BKN",
                List.of(new NewReturn.Line(1, null, 2, "unwanted"))), "pos"))
                .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("returnId");
                    assertThat(e.getMessage()).isEqualTo("returnId POS-77 was already used for a different return (order "
                            + orderId + ")");
                });
        assertThat(returns.get("POS-77").lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(1));
    }

    @Test
    void aReturnRecordedBeforeContentHashesWereKeptIsRepeatedForItsOrderOnly() {
        returns.open(new NewReturn("POS-77", orderId, "DC-BKN", List.of(new NewReturn.Line(1, null, 1, "unwanted"))), "pos");
        jdbc.update("update customer_return set content_hash = null where id = 'POS-77'");

        assertThat(returns.open(new NewReturn("POS-77", orderId, "DC-OLEAN",
                List.of(new NewReturn.Line(1, null, 2, "unwanted"))), "pos").created()).isFalse();
        assertThatThrownBy(() -> returns.open(new NewReturn("POS-77", "ORD-OTHER", "DC-BKN",
                List.of(new NewReturn.Line(1, null, 1, "unwanted"))), "pos"))
                .isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    void moreThanWasShippedAndNotYetReturnedIsRefused() {
        returns.open(new NewReturn(null, orderId, "DC-BKN", List.of(new NewReturn.Line(1, null, 1, null))), "pos");

        assertThatThrownBy(() -> returns.open(new NewReturn(null, orderId, "DC-BKN",
                List.of(new NewReturn.Line(1, null, 2, null))), "pos"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("lines[0].quantity");
                            assertThat(v.message()).contains("more than the 1 unit(s) of line 1");
                        }));
    }

    @Test
    void concurrentReturnsOfTheSameUnitsTakeThemOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            attempts.add(pool.submit(() -> {
                go.await();
                try {
                    returns.open(new NewReturn(null, orderId, "DC-BKN", List.of(new NewReturn.Line(1, null, 2, null))), "pos");
                    return true;
                } catch (InvalidRequestException tooMany) {
                    return false;
                }
            }));
        }
        go.countDown();
        long accepted = 0;
        for (java.util.concurrent.Future<Boolean> attempt : attempts) {
            accepted += attempt.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(accepted).isEqualTo(1);
        assertThat(returns.ofOrder(orderId)).hasSize(1);
    }

    @Test
    void nothingShippedYetMeansNothingToReturn() {
        String open = intake.accept(TestData.order("W-R2"), "web").order().orderId();

        assertThatThrownBy(() -> returns.open(new NewReturn(null, open, "DC-BKN",
                List.of(new NewReturn.Line(1, null, 1, null))), "pos"))
                .hasMessageContaining("lines[0].quantity: 1 is more than the 0 unit(s)");
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsStored() {
        InvalidRequestException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidRequestException.class,
                () -> returns.open(new NewReturn(null, "ORD-NOPE", "NODE-NOPE", List.of()), "pos"));

        assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("orderId", "nodeId", "lines");
        assertThat(e.getMessage()).contains("unknown order ORD-NOPE").contains("unknown node NODE-NOPE");

        InvalidRequestException lines = org.junit.jupiter.api.Assertions.assertThrows(InvalidRequestException.class,
                () -> returns.open(new NewReturn(null, orderId, "DC-BKN", List.of(new NewReturn.Line(7, null, 1, null),
                        new NewReturn.Line(null, "SHOE-RUN-42", 0, null), new NewReturn.Line(null, null, 1, null))), "pos"));
        assertThat(lines.violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("lines[0].lineNo", "lines[1].sku", "lines[1].quantity", "lines[2].lineNo");
        assertThat(returns.ofOrder(orderId)).isEmpty();
    }

    @Test
    void inspectionDispositionAndRefundSettleTheOrder() {
        String returnId = returns.open(new NewReturn(null, orderId, "DC-BKN",
                List.of(new NewReturn.Line(1, null, 1, "unwanted"))), "pos").customerReturn().returnId();

        returns.recordInspection(returnId, 1, ItemCondition.RESELLABLE, "tags on", "clerk");
        returns.recordDisposition(returnId, 1, Disposition.RESTOCK, "back on sale", "process");
        BigDecimal amount = returns.refundAmount(returnId);
        OrderStatus status = returns.refundRequested(returnId, amount, "process");

        CustomerReturn r = returns.get(returnId);
        assertThat(amount).isEqualByComparingTo("19.90");
        assertThat(status).isEqualTo(OrderStatus.PARTIALLY_RETURNED);
        assertThat(r.status()).isEqualTo(ReturnStatus.REFUND_REQUESTED);
        assertThat(r.refundAmount()).isEqualByComparingTo("19.90");
        assertThat(r.line(1).condition()).isEqualTo(ItemCondition.RESELLABLE);
        assertThat(r.line(1).disposition()).isEqualTo(Disposition.RESTOCK);

        String rest = returns.open(new NewReturn(null, orderId, "DC-BKN",
                List.of(new NewReturn.Line(1, null, 1, "wrong colour"))), "pos").customerReturn().returnId();
        returns.recordInspection(rest, 1, ItemCondition.WRONG_ITEM, null, "clerk");
        assertThat(returns.refundAmount(rest)).as("a wrong item is not refunded").isEqualByComparingTo("0");
        assertThat(returns.close(rest, "settled by phone", "operator")).isEqualTo(OrderStatus.RETURNED);
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.RETURNED);
        assertThat(returns.get(rest).status()).isEqualTo(ReturnStatus.CLOSED);
    }

    @Test
    void aPickupOrderMovesToAnotherStore() {
        orders.changePickupNode(orderId, "ST-MAN", "process", "customer accepted ST-MAN");

        Order order = orders.get(orderId);
        assertThat(order.pickupNodeId()).isEqualTo("ST-MAN");
        assertThat(orders.timeline(orderId)).anySatisfy(e -> assertThat(e.type()).isEqualTo("PICKUP_NODE_CHANGED"));
    }
}
