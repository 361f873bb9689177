package io.maestro.app.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code 2xx} is a promise: Maestro runs in a JVM of its own (the default run: H2 file, job executor, allocation
 * worker, sandbox partners, embedded MQTT broker; and the {@code postgres} profile), takes a burst of orders and
 * inventory adjustments from several clients, and is killed with SIGKILL in the middle of it. Started again on the
 * same data, every acknowledged order is there with its lines and its process, every acknowledged adjustment is in
 * the ledger, nothing is half written and the positions equal the ledger's sums.
 */
class CrashDurabilityTest {

    private static final int ORDERS = 1200;
    private static final int ORDER_CLIENTS = 6;
    private static final int ADJUSTMENT_CLIENTS = 2;
    /** The kill comes once this many orders were acknowledged: well inside the burst. */
    private static final int KILL_AFTER_ORDERS = 500;
    private static final String[] SKUS = {"TSHIRT-BLK-M", "TSHIRT-BLK-L", "TSHIRT-WHT-M", "HOODIE-GRY-M"};
    private static final String INTEGRATION_KEY = "demo-integration-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    record AcknowledgedOrder(String orderId, int lines) {
    }

    record Acknowledged(Map<String, AcknowledgedOrder> orders, Map<String, Integer> adjustments, int sent) {
    }

    @Test
    void everyAcknowledgementSurvivesAKillOnTheDefaultH2Run() throws Exception {
        List<String> arguments = List.of("--maestro.data-dir=" + dir.toAbsolutePath(), "--maestro.mqtt.port=0",
                "--camunda.bpm.webapp.enabled=false");
        Acknowledged acknowledged = burstAndKill(arguments);
        restartAndKill(arguments, acknowledged);

        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath() + "/maestro", "sa", "")) {
            check(db, acknowledged);
        }
    }

    @Test
    void everyAcknowledgementSurvivesAKillOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database maestro_crash");
            }
            String url = postgres.getJdbcUrl("postgres", "maestro_crash");
            List<String> arguments = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                    "--maestro.demo.enabled=true", "--maestro.sandbox.enabled=true",
                    "--maestro.data-dir=" + dir.toAbsolutePath(), "--maestro.mqtt.port=0",
                    "--camunda.bpm.webapp.enabled=false");
            Acknowledged acknowledged = burstAndKill(arguments);
            restartAndKill(arguments, acknowledged);

            try (Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
                check(db, acknowledged);
            }
        }
    }

    private Acknowledged burstAndKill(List<String> arguments) throws Exception {
        Map<String, AcknowledgedOrder> orders = new ConcurrentHashMap<>();
        Map<String, Integer> adjustments = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> unexpected = new AtomicReference<>();
        ChildMaestro maestro = ChildMaestro.start(dir.resolve("maestro-1.log"), arguments);
        ExecutorService clients = Executors.newFixedThreadPool(ORDER_CLIENTS + ADJUSTMENT_CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < ORDER_CLIENTS; c++) {
                running.add(clients.submit(() -> sendOrders(maestro, next, orders, unexpected)));
            }
            for (int c = 0; c < ADJUSTMENT_CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> sendAdjustments(maestro, client, adjustments, unexpected)));
            }
            while (orders.size() < KILL_AFTER_ORDERS && unexpected.get() == null
                    && running.stream().anyMatch(f -> !f.isDone())) {
                Thread.sleep(5);
            }
            maestro.kill();
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
            maestro.kill();
        }
        assertThat(unexpected.get()).as("an answer that was neither a 2xx nor the connection dropping by the kill")
                .isNull();
        assertThat(orders.size()).as("orders acknowledged before the kill").isGreaterThanOrEqualTo(KILL_AFTER_ORDERS);
        assertThat(next.get()).as("orders sent: the kill came in the middle of the burst").isLessThan(ORDERS);
        assertThat(adjustments).as("adjustments acknowledged before the kill").isNotEmpty();
        return new Acknowledged(Map.copyOf(orders), Map.copyOf(adjustments), next.get());
    }

    /**
     * Starts Maestro again on the data the kill left, reads acknowledged orders back through the API, and kills it
     * again (the database is then read directly: a second crash, recovered by the next open).
     */
    private void restartAndKill(List<String> arguments, Acknowledged acknowledged) throws Exception {
        ChildMaestro maestro = ChildMaestro.start(dir.resolve("maestro-2.log"), arguments);
        try {
            HttpClient http = HttpClient.newHttpClient();
            for (AcknowledgedOrder order : acknowledged.orders().values().stream().limit(20).toList()) {
                HttpResponse<String> read = http.send(HttpRequest.newBuilder(maestro.uri("/api/orders/" + order.orderId()))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(
                                StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
                assertThat(JSON.readTree(read.body()).get("lines")).hasSize(order.lines());
            }
        } finally {
            maestro.kill();
        }
    }

    private static void sendOrders(ChildMaestro maestro, AtomicInteger next, Map<String, AcknowledgedOrder> acknowledged,
                                   AtomicReference<String> unexpected) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = next.getAndIncrement(); i < ORDERS; i = next.getAndIncrement()) {
            String channelOrderId = "CRASH-" + i;
            int lines = 1 + i % 2;
            List<Map<String, Object>> body = new ArrayList<>();
            for (int l = 0; l < lines; l++) {
                body.add(Map.of("sku", SKUS[(i + l) % SKUS.length], "quantity", 1 + l, "unitPrice", 19.90));
            }
            Map<String, Object> order = Map.of("channel", "WEB", "channelOrderId", channelOrderId,
                    "customer", Map.of("id", "C-" + i, "tier", "STANDARD", "email", "c" + i + "@example.com"),
                    "shipTo", Map.of("name", "Casey Doe", "line1", "10 Jay St", "city", "Brooklyn", "region", "NY",
                            "postalCode", "11201", "country", "US"),
                    "deliveryOption", "SHIP", "preference", "BALANCED", "shipComplete", false, "lines", body);
            JsonNode answer = post(http, maestro, "/api/orders", order, unexpected);
            if (answer == null) {
                return;
            }
            acknowledged.put(channelOrderId, new AcknowledgedOrder(answer.get("orderId").asText(), lines));
        }
    }

    private static void sendAdjustments(ChildMaestro maestro, int client, Map<String, Integer> acknowledged,
                                        AtomicReference<String> unexpected) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < ORDERS; i++) {
            String eventId = "crash-adj-" + client + "-" + i;
            int delta = 1 + i % 3;
            Map<String, Object> adjustment = Map.of("eventId", eventId, "nodeId", "DC-OLEAN", "sku",
                    SKUS[i % SKUS.length], "delta", delta, "reason", "crash test receipt");
            if (post(http, maestro, "/api/inventory/adjustments", adjustment, unexpected) == null) {
                return;
            }
            acknowledged.put(eventId, delta);
        }
    }

    /** The 2xx answer, or null once the server is gone (then the request was not acknowledged). */
    private static JsonNode post(HttpClient http, ChildMaestro maestro, String path, Object body,
                                 AtomicReference<String> unexpected) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(maestro.uri(path))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .header("X-Api-Key", INTEGRATION_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                unexpected.compareAndSet(null, path + " answered " + response.statusCode() + ": " + response.body());
                return null;
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void check(Connection db, Acknowledged acknowledged) throws SQLException {
        List<String> lost = new ArrayList<>();
        List<String> withoutProcess = new ArrayList<>();
        try (PreparedStatement order = db.prepareStatement("select o.channel_order_id, (select count(*) from order_line l "
                + "where l.order_id = o.id) from orders o where o.id = ?")) {
            for (Map.Entry<String, AcknowledgedOrder> e : acknowledged.orders().entrySet()) {
                order.setString(1, e.getValue().orderId());
                try (ResultSet rs = order.executeQuery()) {
                    if (!rs.next() || !rs.getString(1).equals(e.getKey()) || rs.getInt(2) != e.getValue().lines()) {
                        lost.add(e.getKey() + " = " + e.getValue().orderId());
                    }
                }
                if (!hasProcess(db, e.getValue().orderId())) {
                    withoutProcess.add(e.getValue().orderId());
                }
            }
        }
        assertThat(lost).as("acknowledged orders lost or changed (of %d acknowledged)", acknowledged.orders().size())
                .isEmpty();
        assertThat(withoutProcess).as("acknowledged orders without their process").isEmpty();

        assertThat(list(db, "select id from orders o where not exists (select 1 from order_line l where l.order_id = o.id)"))
                .as("orders without lines (half written)").isEmpty();
        assertThat(list(db, "select id from orders o where not exists (select 1 from act_hi_procinst p "
                + "where p.business_key_ = o.id and p.proc_def_key_ = 'order-fulfillment')"))
                .as("orders without their process (half written)").isEmpty();
        assertThat(list(db, "select count(*) from orders where channel_order_id like 'CRASH-%'"))
                .as("orders stored: no more than were sent").allSatisfy(n -> assertThat(Integer.parseInt(n))
                        .isBetween(acknowledged.orders().size(), acknowledged.sent()));

        Map<String, Long> ledger = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select source_event_id, on_hand_delta "
                + "from inventory_ledger where source_event_id like 'crash-adj-%'")) {
            while (rs.next()) {
                ledger.merge(rs.getString(1), rs.getLong(2), Long::sum);
            }
        }
        List<String> lostAdjustments = acknowledged.adjustments().entrySet().stream()
                .filter(e -> !Objects.equals(ledger.get(e.getKey()), (long) e.getValue())).map(Map.Entry::getKey).toList();
        assertThat(lostAdjustments).as("acknowledged adjustments not in the ledger (of %d acknowledged)",
                acknowledged.adjustments().size()).isEmpty();

        assertThat(positionsDifferingFromTheLedger(db)).as("positions that differ from the ledger's sums").isEmpty();
    }

    private static boolean hasProcess(Connection db, String orderId) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("select (select count(*) from act_hi_procinst where business_key_ = ? "
                + "and proc_def_key_ = 'order-fulfillment') + (select count(*) from act_ru_execution where business_key_ = ? "
                + "and parent_id_ is null)")) {
            p.setString(1, orderId);
            p.setString(2, orderId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    private static List<String> positionsDifferingFromTheLedger(Connection db) throws SQLException {
        Map<String, String> fromLedger = new HashMap<>();
        Map<String, String> live = new HashMap<>();
        read(db, "select node_id, sku, sum(on_hand_delta), sum(reserved_delta), sum(safety_stock_delta) from inventory_ledger "
                + "group by node_id, sku", fromLedger);
        read(db, "select node_id, sku, on_hand, reserved, safety_stock from inventory_position", live);
        List<String> differ = new ArrayList<>();
        for (String key : union(fromLedger, live)) {
            String l = fromLedger.getOrDefault(key, "0/0/0");
            String p = live.getOrDefault(key, "0/0/0");
            if (!l.equals(p)) {
                differ.add(key + " ledger " + l + " position " + p);
            }
        }
        return differ;
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
        return keys;
    }

    private static void read(Connection db, String query, Map<String, String> into) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                into.put(rs.getString(1) + "|" + rs.getString(2), rs.getLong(3) + "/" + rs.getLong(4) + "/" + rs.getLong(5));
            }
        }
    }

    private static List<String> list(Connection db, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
