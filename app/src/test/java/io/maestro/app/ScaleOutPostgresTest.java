package io.maestro.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.testing.EmbeddedPostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scaling out on PostgreSQL: two application nodes (each with its engine and job executor, its partner event
 * processor and its sandbox partners) and a standalone allocation worker share one database. Four clients send
 * {@value #ORDERS} two-line orders to both nodes, all to Brooklyn, so the allocations, dispatches and deliveries
 * contend for the same positions, and the Brooklyn DC's daily capacity runs out on the way. Afterwards every
 * order is delivered, no incident was ever opened, every partner event was handed over exactly once, reserved
 * units are exactly the active reservations (none left), the ledger adds up to the positions, and no node holds
 * more than its daily capacity.
 */
class ScaleOutPostgresTest {

    private static final Logger LOG = LoggerFactory.getLogger(ScaleOutPostgresTest.class);

    private static final int ORDERS = 200;
    private static final int CLIENTS = 4;
    private static final List<String> SKUS = List.of("TSHIRT-BLK-M", "HOODIE-GRY-M", "JEANS-IND-32", "CAP-BLK");
    private static final String SMALL_DC = "DC-BROOKLYN";
    private static final int SMALL_DC_CAPACITY = 120;

    @Test
    void twoNodesAndAStandaloneWorkerCarryOrdersFromSeveralClientsWithoutIncidentsOrDoingAnythingTwice() throws Exception {
        String database = EmbeddedPostgresDatabase.newDatabaseUrl();
        Instant began = Instant.now();
        try (ConfigurableApplicationContext node1 = node(database, "node1", true, null);
             ConfigurableApplicationContext node2 = node(database, "node2", false, "http://localhost:" + port(node1));
             ConfigurableApplicationContext worker = worker(database, port(node2))) {
            JdbcTemplate jdbc = node1.getBean(JdbcTemplate.class);
            stock(node1.getBean(InventoryLedger.class));
            jdbc.update("update node set daily_capacity = ? where id = ?", SMALL_DC_CAPACITY, SMALL_DC);
            long deadlocksBefore = deadlocks(jdbc);
            List<Api> apis = List.of(new Api(port(node1)), new Api(port(node2)));

            Instant sent = Instant.now();
            List<String> orderIds = send(apis);
            Duration sending = Duration.between(sent, Instant.now());
            List<String> open = awaitDelivered(jdbc, orderIds);
            Duration lifecycle = Duration.between(sent, Instant.now());

            assertThat(open).as("orders not delivered: %s", statuses(jdbc, open)).isEmpty();
            ProcessEngine engine = node1.getBean(ProcessEngine.class);
            assertThat(engine.getHistoryService().createHistoricIncidentQuery().list())
                    .as("incidents ever opened").isEmpty();
            assertThat(jdbc.queryForList("select status from partner_event where status <> 'CORRELATED'", String.class))
                    .as("partner events not handed over").isEmpty();
            assertThat(jdbc.queryForList("select p.event_id from partner_event p where (select count(*) from order_event e "
                    + "where e.order_id = p.order_id and e.details like '%\"eventId\":\"' || p.event_id || '\"%') <> 1",
                    String.class)).as("partner events not on their order's timeline exactly once").isEmpty();
            assertThat(jdbc.queryForList("select details from order_event where details like '%partnerMessage%'",
                    String.class)).as("a message carried by an entry of another shipment").allSatisfy(details -> {
                        JsonNode entry = json(details);
                        if (entry.has("shipmentId")) {
                            assertThat(entry.path("partnerMessage").path("shipmentId").asText())
                                    .isEqualTo(entry.path("shipmentId").asText());
                        }
                    });
            assertThat(jdbc.queryForList("select shipment_id from partner_event where type = 'ShipmentDispatched' "
                    + "group by shipment_id having count(*) > 1", String.class)).as("shipments dispatched twice").isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from inventory_ledger where entry_type = 'CONSUME'", Long.class))
                    .as("each reservation consumed once").isEqualTo(jdbc.queryForObject(
                            "select count(*) from reservation where status = 'CONSUMED'", Long.class));
            assertThat(jdbc.queryForObject("select coalesce(sum(reserved), 0) from inventory_position", Long.class))
                    .as("reserved units = active reservations = open shipment lines (none)")
                    .isEqualTo(jdbc.queryForObject("select coalesce(sum(quantity), 0) from reservation where status = 'ACTIVE'",
                            Long.class))
                    .isZero();
            assertThat(jdbc.queryForList("select p.node_id || ' ' || p.sku from inventory_position p left join (select node_id, sku, "
                    + "sum(on_hand_delta) on_hand, sum(reserved_delta) reserved from inventory_ledger group by node_id, sku) l "
                    + "on l.node_id = p.node_id and l.sku = p.sku where p.on_hand <> coalesce(l.on_hand, 0) "
                    + "or p.reserved <> coalesce(l.reserved, 0)", String.class)).as("positions the ledger does not add up to")
                    .isEmpty();
            assertThat(jdbc.queryForList("select c.node_id from node_capacity_day c join node n on n.id = c.node_id "
                    + "where c.units > n.daily_capacity", String.class)).as("nodes over their daily capacity").isEmpty();
            Long atSmallDc = jdbc.queryForObject("select coalesce(sum(quantity), 0) from reservation where node_id = ? "
                    + "and capacity_day is not null and status <> 'RELEASED'", Long.class, SMALL_DC);
            assertThat(atSmallDc).as("units sent from %s", SMALL_DC).isLessThanOrEqualTo(SMALL_DC_CAPACITY);
            assertThat(jdbc.queryForObject("select count(distinct node_id) from shipment", Integer.class))
                    .as("the rest went elsewhere").isGreaterThan(1);

            LOG.info(String.format(Locale.ROOT, "ScaleOutPostgresTest: %d two-line orders from %d clients over 2 nodes and a standalone worker: "
                            + "sent in %.1f s, all delivered %.1f s after the first; %d units from %s (capacity %d); "
                            + "%d deadlocks broken by PostgreSQL and retried; %.1f s in all with start-up%n",
                    ORDERS, CLIENTS, sending.toMillis() / 1000.0, lifecycle.toMillis() / 1000.0, atSmallDc, SMALL_DC,
                    SMALL_DC_CAPACITY, deadlocks(jdbc) - deadlocksBefore, Duration.between(began, Instant.now()).toMillis() / 1000.0));
        }
    }

    /**
     * An application node on the shared database: engine, job executor, partner event processor, in-process worker or
     * not. The partners are one set for both nodes, as real ones are: node 1's sandbox (node 2 calls it at
     * {@code partnersAt}), which sends every webhook to node 1; both nodes' processors hand the events over.
     */
    private static ConfigurableApplicationContext node(String database, String name, boolean inProcessWorker,
                                                       String partnersAt) throws Exception {
        Path dataDir = Files.createTempDirectory("maestro-" + name);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0", "--spring.main.banner-mode=off", "--maestro.mqtt.enabled=false",
                "--maestro.data-dir=" + dataDir, "--maestro.sandbox.mail.port=0",
                "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--camunda.bpm.webapp.enabled=false",
                "--maestro.demo.enabled=true", "--maestro.sandbox.enabled=true", "--maestro.sandbox.speed=0.02",
                "--maestro.sandbox.rejection-rate=0", "--maestro.sandbox.delay-rate=0",
                "--maestro.fulfillment.partner-event-poll-millis=200", "--maestro.worker.enabled=" + inProcessWorker,
                "--logging.level.root=WARN"));
        if (partnersAt != null) {
            args.add("--maestro.partners.sandbox-url=" + partnersAt);
        }
        return new SpringApplicationBuilder(MaestroApplication.class).profiles("postgres").run(args.toArray(String[]::new));
    }

    /** The standalone allocation worker: no engine, no web server; polls node 2's engine REST. */
    private static ConfigurableApplicationContext worker(String database, int enginePort) {
        return new SpringApplicationBuilder(MaestroApplication.class).profiles("worker").run("--spring.main.banner-mode=off",
                "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--spring.datasource.driver-class-name=org.postgresql.Driver",
                "--maestro.worker.engine-url=http://localhost:" + enginePort + "/engine-rest",
                "--maestro.worker.api-key=demo-integration-key", "--logging.level.root=WARN");
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /** Plenty of the test's SKUs at both New York DCs: what limits Brooklyn is its capacity, not its stock. */
    private static void stock(InventoryLedger ledger) {
        for (String dc : List.of(SMALL_DC, "DC-OLEAN")) {
            for (String sku : SKUS) {
                ledger.adjust(new Adjustment("scale-out-" + dc + "-" + sku, dc, sku, 10_000L, null, null, "test stock"), "test");
            }
        }
    }

    /** Every order through a node in turn, {@value #CLIENTS} clients at once; returns the order ids. */
    private static List<String> send(List<Api> apis) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<String>> placed = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                int n = i;
                placed.add(clients.submit(() -> {
                    Api.Response response = apis.get(n % apis.size()).post("/api/orders", order(n), Api.INTEGRATION);
                    assertThat(response.status()).as(response.body()).isEqualTo(201);
                    return response.json().get("orderId").asText();
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : placed) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            clients.shutdown();
        }
    }

    /** Two lines of two different SKUs, in every pairing and both orders across the orders. */
    private static Map<String, Object> order(int n) {
        return Map.of("channel", "WEB", "channelOrderId", "SCALE-" + n,
                "customer", Map.of("id", "C-" + n, "tier", "STANDARD", "email", "c" + n + "@example.com"),
                "shipTo", Map.of("name", "Casey Doe", "line1", "10 Jay St", "city", "Brooklyn", "region", "NY",
                        "postalCode", "11201", "country", "US"),
                "deliveryOption", "SHIP", "preference", "CHEAPEST", "shipComplete", true,
                "lines", List.of(Map.of("sku", SKUS.get(n % SKUS.size()), "quantity", 1, "unitPrice", 19.90),
                        Map.of("sku", SKUS.get((n + 1 + (n / SKUS.size()) % (SKUS.size() - 1)) % SKUS.size()), "quantity", 1,
                                "unitPrice", 29.90)));
    }

    /** Waits until every order is delivered or nothing moved for a minute; returns those not delivered. */
    private static List<String> awaitDelivered(JdbcTemplate jdbc, List<String> ids) throws InterruptedException {
        long lastEvent = -1;
        Instant lastMove = Instant.now();
        while (true) {
            List<String> open = ids.stream().filter(id -> !"DELIVERED".equals(jdbc.queryForObject(
                    "select status from orders where id = ?", String.class, id))).toList();
            long events = jdbc.queryForObject("select count(*) from order_event", Long.class);
            if (events != lastEvent) {
                lastEvent = events;
                lastMove = Instant.now();
            }
            if (open.isEmpty() || Duration.between(lastMove, Instant.now()).toSeconds() > 60) {
                return open;
            }
            Thread.sleep(500);
        }
    }

    private static List<String> statuses(JdbcTemplate jdbc, List<String> ids) {
        return ids.stream().limit(20).map(id -> id + " " + jdbc.queryForObject("select status from orders where id = ?",
                String.class, id)).toList();
    }

    private static long deadlocks(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select deadlocks from pg_stat_database where datname = current_database()", Long.class);
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("timeline details are not JSON: " + text, e);
        }
    }
}
