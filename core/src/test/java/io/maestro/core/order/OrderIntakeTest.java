package io.maestro.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.IdempotencyConflictException;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.Violation;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.geo.Address;
import io.maestro.core.network.NetworkService;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
@Import(OrderIntakeTest.Listener.class)
class OrderIntakeTest {

    @TestConfiguration
    static class Listener {
        final List<OrderAccepted> heard = new ArrayList<>();

        @EventListener
        void on(OrderAccepted event) {
            heard.add(event);
        }
    }

    @Autowired OrderIntake intake;
    @Autowired OrderService orders;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;
    @Autowired Listener listener;

    @BeforeEach
    void seed() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        listener.heard.clear();
    }

    @Test
    void acceptsAnOrderGeocodesItAndAnnouncesIt() {
        IntakeResult result = intake.accept(TestData.order("W-1001"), "web");

        Order order = orders.get(result.order().orderId());
        assertThat(result.created()).isTrue();
        assertThat(order.orderId()).startsWith("ORD-");
        assertThat(order.status()).isEqualTo(OrderStatus.RECEIVED);
        assertThat(order.deliveryOption()).isEqualTo(DeliveryOption.SHIP);
        assertThat(order.preference()).isEqualTo(Preference.BALANCED);
        assertThat(order.orderTotal()).isEqualByComparingTo("39.80");
        assertThat(order.latitude()).isEqualTo(40.6937);
        assertThat(order.longitude()).isEqualTo(-73.989859);
        assertThat(order.lines()).containsExactly(new OrderLine(1, "TSHIRT-BLK-M", 2, new BigDecimal("19.90")));
        assertThat(orders.timeline(order.orderId())).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo("ORDER_RECEIVED"));
        assertThat(listener.heard).containsExactly(new OrderAccepted(order.orderId(), "WEB"));
    }

    @Test
    void theSameChannelOrderTwiceIsOneOrder() {
        IntakeResult first = intake.accept(TestData.order("W-1001"), "web");
        IntakeResult second = intake.accept(TestData.order("W-1001"), "web");

        assertThat(second.created()).isFalse();
        assertThat(second.order().orderId()).isEqualTo(first.order().orderId());
        assertThat(jdbc.queryForObject("select count(*) from orders", Integer.class)).isEqualTo(1);
        assertThat(listener.heard).hasSize(1);
    }

    @Test
    void aRepeatOrARefusedOrderTakesNoOrderNumber() {
        NewOrder first = TestData.order("W-2001");
        String firstId = intake.accept(first, "web").order().orderId();
        intake.accept(first, "web");
        assertThatThrownBy(() -> intake.accept(new NewOrder(first.channel(), first.channelOrderId(), first.customer(),
                first.shipTo(), null, null, null, null, List.of(new NewOrder.Line("TSHIRT-BLK-M", 3,
                new BigDecimal("19.90")))), "web")).isInstanceOf(IdempotencyConflictException.class);

        String nextId = intake.accept(TestData.order("W-2002"), "web").order().orderId();

        assertThat(Long.parseLong(nextId.substring(4))).isEqualTo(Long.parseLong(firstId.substring(4)) + 1);
    }

    @Test
    void theSameChannelOrderWithDefaultsSpelledOutAndPricesWrittenOtherwiseIsTheSameOrder() {
        NewOrder first = TestData.order("W-1001");
        NewOrder.Line line = first.lines().get(0);
        NewOrder spelledOut = new NewOrder(first.channel(), first.channelOrderId(), first.customer(), first.shipTo(),
                DeliveryOption.SHIP, null, Preference.BALANCED, false,
                List.of(new NewOrder.Line(line.sku(), line.quantity(), new BigDecimal("19.9"))));

        String orderId = intake.accept(first, "web").order().orderId();
        IntakeResult again = intake.accept(spelledOut, "web");

        assertThat(again.created()).isFalse();
        assertThat(again.order().orderId()).isEqualTo(orderId);
    }

    @Test
    void theSameChannelOrderIdForAnotherOrderIsRefusedNamingTheKey() {
        NewOrder first = TestData.order("W-1001");
        String orderId = intake.accept(first, "web").order().orderId();
        NewOrder other = new NewOrder(first.channel(), first.channelOrderId(), first.customer(), first.shipTo(), null, null,
                null, null, List.of(new NewOrder.Line("TSHIRT-BLK-M", 3, new BigDecimal("19.90"))));

        assertThatThrownBy(() -> intake.accept(other, "web"))
                .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("channelOrderId");
                    assertThat(e.getMessage()).isEqualTo("channelOrderId W-1001 was already used for a different order ("
                            + orderId + ") of channel WEB");
                });
        assertThat(orders.get(orderId).lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(2));
        assertThat(jdbc.queryForObject("select count(*) from orders", Integer.class)).isEqualTo(1);
    }

    @Test
    void anOrderTakenBeforeContentHashesWereKeptAnswersItsKeyAsARepeat() {
        NewOrder first = TestData.order("W-1001");
        String orderId = intake.accept(first, "web").order().orderId();
        jdbc.update("update orders set content_hash = null where id = ?", orderId);
        NewOrder other = new NewOrder(first.channel(), first.channelOrderId(), first.customer(), first.shipTo(), null, null,
                Preference.GREEN, null, first.lines());

        IntakeResult again = intake.accept(other, "web");

        assertThat(again.created()).isFalse();
        assertThat(again.order().orderId()).isEqualTo(orderId);
    }

    @Test
    void anUnconfiguredChannelIsRefused() {
        NewOrder web = TestData.order("T-1");
        NewOrder tiktok = new NewOrder("TIKTOK", web.channelOrderId(), web.customer(), web.shipTo(), null, null, null, null,
                web.lines());

        assertThatThrownBy(() -> intake.accept(tiktok, "web"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("channel", "unknown channel TIKTOK; configured: MARKETPLACE, POS, SOCIAL, WEB")));
        assertThat(jdbc.queryForObject("select count(*) from orders", Integer.class)).isZero();
    }

    @Test
    void namesEveryBadFieldAndStoresNothing() {
        NewOrder bad = new NewOrder("web", "", new Customer(null, null, "not-an-email"),
                new Address("A", "1 St", null, "Nowhere", "NY", "00000", "US"), null, null, null, null,
                Arrays.asList(new NewOrder.Line("NO-SUCH", 0, new BigDecimal("-1")), null));

        assertThatThrownBy(() -> intake.accept(bad, "web"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactlyInAnyOrder("channel", "channelOrderId", "customer.id", "customer.email",
                                "shipTo.postalCode", "lines[0].sku", "lines[0].quantity", "lines[0].unitPrice", "lines[1]"));
        assertThat(jdbc.queryForObject("select count(*) from orders", Integer.class)).isZero();
    }

    @Test
    void pickupNeedsAStoreThatOffersIt() {
        NewOrder atWarehouse = withPickup(DeliveryOption.BOPIS, "DC-OLEAN");
        NewOrder curbside = withPickup(DeliveryOption.CURBSIDE, "ST-MAN");

        assertThatThrownBy(() -> intake.accept(atWarehouse, "web")).hasMessageContaining("does not offer PICKUP");
        assertThatThrownBy(() -> intake.accept(withPickup(DeliveryOption.BOPIS, null), "web"))
                .hasMessageContaining("pickupNodeId: is required when deliveryOption is BOPIS");
        Order order = intake.accept(curbside, "web").order();
        assertThat(order.pickupNodeId()).isEqualTo("ST-MAN");
        assertThat(order.latitude()).as("located at the store").isEqualTo(40.720051);
    }

    @Test
    void listsWithFiltersAndPaging() {
        for (int i = 0; i < 5; i++) {
            intake.accept(TestData.order("W-" + i), "web");
        }
        OrderFilter web = new OrderFilter(OrderStatus.RECEIVED, "WEB", "C-7", null, null);

        assertThat(orders.count(web)).isEqualTo(5);
        assertThat(orders.list(web, 0, 2)).hasSize(2);
        assertThat(orders.list(web, 4, 2)).hasSize(1);
        assertThat(orders.count(new OrderFilter(null, "POS", null, null, null))).isZero();
    }

    private static NewOrder withPickup(DeliveryOption option, String node) {
        NewOrder o = TestData.order("P-" + option + node);
        return new NewOrder(o.channel(), o.channelOrderId(), o.customer(), null, option, node, null, null, o.lines());
    }
}
