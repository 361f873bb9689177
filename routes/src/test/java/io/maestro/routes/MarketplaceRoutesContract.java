package io.maestro.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.deadletter.DeadLetter;
import io.maestro.core.deadletter.DeadLetterStatus;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.core.network.NetworkService;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderFilter;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.order.OrderService;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import io.maestro.integrations.channels.MarketplaceCsv;
import io.maestro.integrations.channels.MarketplaceImport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** The marketplace file drop through the real file system, on H2 and on PostgreSQL. */
abstract class MarketplaceRoutesContract {

    static final String HEADER = "marketplace_order_id,customer_id,customer_email,ship_name,ship_line1,ship_line2,ship_city,"
            + "ship_region,ship_postal_code,ship_country,sku,quantity,unit_price\n";
    static final String MIXED = HEADER
            + "MP-1,C-1,c1@example.com,Ann Lee,10 Jay St,,Brooklyn,NY,11201,US,TSHIRT-BLK-M,2,19.90\n"
            + "MP-1,C-1,c1@example.com,Ann Lee,10 Jay St,,Brooklyn,NY,11201,US,SHOE-RUN-42,1,89.00\n"
            + "MP-2,C-2,,Bo Chan,1 Main St,,Olean,NY,14760,US,TSHIRT-BLK-M,1,19.90\n"
            + "MP-2,C-2,,Bo Chan,1 Main St,,Olean,NY,14760,SHOE-RUN-42,two,89.00\n"
            + "MP-3,C-3,,Cy Dee,2 Main St,,New York,NY,10013,US,TSHIRT-BLK-M,1,19.90\n"
            + "MP-4,C-4,,Di Eve,3 Main St,,New York,NY,00000,US,NO-SUCH-SKU,1,5.00\n";

    @Autowired JdbcTemplate jdbc;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired OrderService orders;
    @Autowired OrderIntake intake;
    @Autowired DeadLetters deadLetters;
    @Autowired CamelContext camel;
    @Value("${maestro.data-dir}") String dataDir;
    Inbox inbox;

    @BeforeEach
    void start() {
        inbox = new Inbox(dataDir, "marketplace");
        inbox.empty();
        DomainTables.empty(jdbc);
        jdbc.update("delete from camel_messageprocessed");
        TestData.seed(network, catalog);
    }

    @Test
    void goodOrdersAreTakenAndBadRowsReportedWithTheirOrders() {
        inbox.drop("orders-1.csv", MIXED);
        inbox.awaitMoved("error/orders-1.csv");

        assertThat(marketplaceOrders()).containsExactly("MP-1", "MP-3");
        assertThat(inbox.read("error/orders-1.csv.errors.csv")).isEqualTo("""
                line,marketplace_order_id,reason
                4,MP-2,not taken: order MP-2 has bad line(s) 5
                5,MP-2,"has 12 cells, the header has 13"
                7,MP-4,ship_postal_code: unknown postal code 00000; sku: unknown SKU NO-SUCH-SKU
                """);
        List<DeadLetter> letters = deadLetters.list(MarketplaceImport.SOURCE, DeadLetterStatus.OPEN, 0, 10);
        assertThat(letters).hasSize(2);
        assertThat(letters.get(0).reference()).startsWith("orders-1.csv sha256:").endsWith(" order MP-2");
        assertThat(letters.get(0).payload()).contains("MP-2,C-2,,Bo Chan").doesNotContain("MP-1");
        assertThat(letters.get(1).reason()).isEqualTo(
                "line 7: ship_postal_code: unknown postal code 00000; sku: unknown SKU NO-SUCH-SKU");
        assertThat(Files.exists(inbox.path("orders-1.csv"))).isFalse();
    }

    @Test
    void aCleanFileGoesToDoneWithoutAReport() {
        inbox.drop("orders-2.csv", HEADER + "MP-9,C-9,,Ann Lee,10 Jay St,,Brooklyn,NY,11201,US,TSHIRT-BLK-M,1,19.90\n");
        inbox.awaitMoved("done/orders-2.csv");

        assertThat(marketplaceOrders()).containsExactly("MP-9");
        Order order = orders.get(orders.list(new OrderFilter(null, "MARKETPLACE", null, null, null), 0, 10).get(0).orderId());
        assertThat(order.customer().id()).isEqualTo("C-9");
        assertThat(order.shipTo().city()).isEqualTo("Brooklyn");
        assertThat(order.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(1));
        assertThat(Files.exists(inbox.path("done/orders-2.csv.errors.csv"))).isFalse();
    }

    @Test
    void theSameFileAgainCreatesNothingNew() {
        inbox.drop("orders-1.csv", MIXED);
        inbox.awaitMoved("error/orders-1.csv.errors.csv");
        inbox.awaitMoved("error/orders-1.csv");
        String firstReport = inbox.read("error/orders-1.csv.errors.csv");
        inbox.path("error/orders-1.csv.errors.csv").toFile().delete();

        inbox.drop("orders-1.csv", MIXED);
        inbox.awaitMoved("error/orders-1.csv.errors.csv");

        assertThat(marketplaceOrders()).containsExactly("MP-1", "MP-3");
        assertThat(deadLetters.count(MarketplaceImport.SOURCE, null)).isEqualTo(2);
        assertThat(inbox.read("error/orders-1.csv.errors.csv")).isEqualTo(firstReport);
    }

    @Test
    void aFileLeftHalfDoneIsTakenOnStartAndCreatesNothingTwice() throws Exception {
        camel.getRouteController().stopRoute("marketplace-orders");
        // What a stop in the middle of the file leaves: its first order committed, the file still in the inbox.
        List<MarketplaceCsv.OrderRows> rows = MarketplaceCsv.parse(MIXED.getBytes(StandardCharsets.UTF_8));
        String firstOrderId = intake.accept(MarketplaceCsv.toNewOrder(rows.get(0)), "channel:MARKETPLACE").order().orderId();
        inbox.drop("orders-1.csv", MIXED);

        camel.getRouteController().startRoute("marketplace-orders");
        inbox.awaitMoved("error/orders-1.csv.errors.csv");

        assertThat(marketplaceOrders()).containsExactly("MP-1", "MP-3");
        assertThat(orders.list(new OrderFilter(null, "MARKETPLACE", "C-1", null, null), 0, 10))
                .singleElement().satisfies(o -> assertThat(o.orderId()).isEqualTo(firstOrderId));
        assertThat(deadLetters.count(MarketplaceImport.SOURCE, null)).isEqualTo(2);
    }

    @Test
    void aMarketplaceOrderIdAlreadyTakenForAnotherOrderIsReportedAndDeadLettered() {
        inbox.drop("orders-4.csv", HEADER + "MP-9,C-9,,Ann Lee,10 Jay St,,Brooklyn,NY,11201,US,TSHIRT-BLK-M,1,19.90\n");
        inbox.awaitMoved("done/orders-4.csv");

        inbox.drop("orders-5.csv", HEADER + "MP-9,C-9,,Ann Lee,10 Jay St,,Brooklyn,NY,11201,US,TSHIRT-BLK-M,3,19.90\n");
        inbox.awaitMoved("error/orders-5.csv.errors.csv");

        String orderId = orders.list(new OrderFilter(null, "MARKETPLACE", null, null, null), 0, 10).get(0).orderId();
        assertThat(inbox.read("error/orders-5.csv.errors.csv")).isEqualTo("""
                line,marketplace_order_id,reason
                2,MP-9,marketplace_order_id: channelOrderId MP-9 was already used for a different order (%s) of channel MARKETPLACE
                """.formatted(orderId));
        assertThat(orders.get(orderId).lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(1));
        assertThat(deadLetters.count(MarketplaceImport.SOURCE, DeadLetterStatus.OPEN)).isEqualTo(1);
    }

    @Test
    void anUnreadableFileGoesToErrorAsOneDeadLetter() {
        inbox.drop("orders-3.csv", new byte[] {'m', 'p', ',', (byte) 0xC3, (byte) 0x28, '\n'});
        inbox.awaitMoved("error/orders-3.csv.errors.csv");

        assertThat(inbox.read("error/orders-3.csv.errors.csv")).startsWith("line,marketplace_order_id,reason\n0,,")
                .contains("not UTF-8 text");
        assertThat(deadLetters.list(MarketplaceImport.SOURCE, null, 0, 10)).singleElement()
                .satisfies(l -> assertThat(l.reason()).startsWith("not UTF-8 text"));
        assertThat(marketplaceOrders()).isEmpty();
    }

    @Test
    void aDeadLetterOrderIsTakenOnReplayOnceItsCauseIsFixed() {
        inbox.drop("orders-1.csv", MIXED);
        inbox.awaitMoved("error/orders-1.csv.errors.csv");
        DeadLetter mp4 = deadLetters.list(MarketplaceImport.SOURCE, DeadLetterStatus.OPEN, 0, 10).get(1);

        catalog.save(TestData.sku("NO-SUCH-SKU"));
        jdbc.update("update dead_letter set payload = replace(payload, '00000', '11201') where id = ?", mp4.id());
        DeadLetter replayed = deadLetters.replay(mp4.id(), "operator");

        assertThat(replayed.status()).isEqualTo(DeadLetterStatus.REPLAYED);
        assertThat(marketplaceOrders()).containsExactly("MP-1", "MP-3", "MP-4");
    }

    private List<String> marketplaceOrders() {
        return orders.list(new OrderFilter(null, "MARKETPLACE", null, null, null), 0, 100).stream()
                .map(Order::channelOrderId).sorted().toList();
    }
}
