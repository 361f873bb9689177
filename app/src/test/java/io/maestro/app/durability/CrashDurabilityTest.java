package io.maestro.app.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code 2xx} is a promise: Maestro runs in a JVM of its own (the default run: H2 file, job executor, allocation
 * worker, sandbox partners, embedded MQTT broker; and the {@code postgres} profile), takes a burst of orders and
 * inventory adjustments from several clients, and is killed with SIGKILL in the middle of it. Started again on the
 * same data, every acknowledged order is there with its lines and its process, every acknowledged adjustment is in
 * the ledger, nothing is half written and the positions equal the ledger's sums.
 */
class CrashDurabilityTest {

    private static final Logger LOG = LoggerFactory.getLogger(CrashDurabilityTest.class);

    private static final int ORDERS = 1200;
    private static final int ORDER_CLIENTS = 6;
    private static final int ADJUSTMENT_CLIENTS = 2;
    /** The kill comes once this many orders were acknowledged: well inside the burst. */
    private static final int KILL_AFTER_ORDERS = 500;
    private static final String[] SKUS = {"TSHIRT-BLK-M", "TSHIRT-BLK-L", "TSHIRT-WHT-M", "HOODIE-GRY-M"};
    private static final String INTEGRATION_KEY = "demo-integration-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode REFUSED = JSON.createObjectNode();
    private static final String DEVICE_SKU = "CAP-RED";
    /**
     * A dock's pace (about 20 receipts/s) rather than a flood: what waits in the broker at the kill is then a few
     * messages, delivered again soon after the restart while the restarted node carries hundreds of orders on.
     */
    private static final long DEVICE_PAUSE_MILLIS = 50;
    private static final String DEVICE_TOPIC = "maestro/nodes/DC-BROOKLYN/devices/DOCK-9/receipt";
    /** The ledger's event id of a device event: {@code device:{node}:{device}:{eventId}}. */
    private static final String DEVICE_EVENT_PREFIX = "device:DC-BROOKLYN:DOCK-9:";

    @TempDir Path dir;

    record AcknowledgedOrder(String orderId, int lines) {
    }

    record Acknowledged(Map<String, AcknowledgedOrder> orders, Map<String, Integer> adjustments, int sent,
                        List<String> deviceEvents, long deviceStockBefore) {
    }

    /** Also device events over MQTT to the embedded broker: every one the broker confirmed is applied, once. */
    @Test
    void everyAcknowledgementSurvivesAKillOnTheDefaultH2Run() throws Exception {
        int mqttPort = ChildMaestro.freePort();
        List<String> arguments = List.of("--maestro.data-dir=" + dir.toAbsolutePath(), "--maestro.mqtt.port=" + mqttPort,
                "--camunda.bpm.webapp.enabled=false");
        Acknowledged acknowledged = burstAndKill(arguments, "tcp://localhost:" + mqttPort);
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
                    // As many connections as the default run has, and patience: the build machine may be busy.
                    "--spring.datasource.hikari.maximum-pool-size=20", "--spring.datasource.hikari.connection-timeout=120000",
                    "--maestro.data-dir=" + dir.toAbsolutePath(), "--maestro.mqtt.port=0",
                    "--camunda.bpm.webapp.enabled=false");
            Acknowledged acknowledged = burstAndKill(arguments, null);
            restartAndKill(arguments, acknowledged);

            try (Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
                check(db, acknowledged);
            }
        }
    }

    /** The burst, and the kill once {@value #KILL_AFTER_ORDERS} orders were acknowledged; device events too with a broker. */
    private Acknowledged burstAndKill(List<String> arguments, String brokerUrl) throws Exception {
        Map<String, AcknowledgedOrder> orders = new ConcurrentHashMap<>();
        Map<String, Integer> adjustments = new ConcurrentHashMap<>();
        List<String> deviceEvents = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> unexpected = new AtomicReference<>();
        ChildMaestro maestro = ChildMaestro.start(dir.resolve("maestro-1.log"), arguments);
        ExecutorService clients = Executors.newFixedThreadPool(ORDER_CLIENTS + ADJUSTMENT_CLIENTS + 1);
        long deviceStockBefore = 0;
        try {
            List<Future<?>> running = new ArrayList<>();
            if (brokerUrl != null) {
                deviceStockBefore = onHand(HttpClient.newHttpClient(), maestro);
                running.add(clients.submit(() -> publishDeviceEvents(brokerUrl, deviceEvents)));
            }
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
        assertThat(unexpected.get()).as("a 4xx: this test sent something Maestro does not take")
                .isNull();
        assertThat(orders.size()).as("orders acknowledged before the kill").isGreaterThanOrEqualTo(KILL_AFTER_ORDERS);
        assertThat(next.get()).as("orders sent: the kill came in the middle of the burst").isLessThan(ORDERS);
        assertThat(adjustments).as("adjustments acknowledged before the kill").isNotEmpty();
        assertThat(brokerUrl == null || !deviceEvents.isEmpty()).as("device events confirmed before the kill").isTrue();
        return new Acknowledged(Map.copyOf(orders), Map.copyOf(adjustments), next.get(), List.copyOf(deviceEvents),
                deviceStockBefore);
    }

    /**
     * Receipts of a dock scanner at QoS 1, one at a time: a confirmed one (PUBACK) is in the broker's persistent store,
     * and Maestro acknowledges what the broker hands over only after its ledger transaction committed.
     */
    private static void publishDeviceEvents(String brokerUrl, List<String> confirmed) {
        try {
            MqttClient device = new MqttClient(brokerUrl, "crash-dock-" + UUID.randomUUID(), new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            device.connect(options);
            for (int i = 1; i <= ORDERS * 4; i++) {
                String eventId = "crash-r-" + i;
                MqttMessage receipt = new MqttMessage(("{\"eventId\":\"" + eventId + "\",\"sequence\":" + i
                        + ",\"timestamp\":\"" + OffsetDateTime.now() + "\",\"sku\":\"" + DEVICE_SKU
                        + "\",\"quantity\":1}").getBytes(StandardCharsets.UTF_8));
                receipt.setQos(1);
                device.publish(DEVICE_TOPIC, receipt);
                confirmed.add(DEVICE_EVENT_PREFIX + eventId);
                Thread.sleep(DEVICE_PAUSE_MILLIS);
            }
        } catch (MqttException e) {
            // the broker went down with the kill: what it confirmed until then is recorded
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts Maestro again on the data the kill left, reads acknowledged orders back through the API, and kills it
     * again (the database is then read directly: a second crash, recovered by the next open).
     */
    private void restartAndKill(List<String> arguments, Acknowledged acknowledged) throws Exception {
        ChildMaestro maestro = ChildMaestro.start(dir.resolve("maestro-2.log"), arguments);
        try {
            HttpClient http = HttpClient.newHttpClient();
            if (!acknowledged.deviceEvents().isEmpty()) {
                // What waited in the broker comes after the restart; the ledger is read after the second kill.
                await("device events confirmed before the kill, applied").atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofMillis(500)).until(() -> onHand(http, maestro)
                                >= acknowledged.deviceStockBefore() + acknowledged.deviceEvents().size());
            }
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

    /** On hand of the device SKU at the dock's node: only the dock's receipts change it in this test. */
    private static long onHand(HttpClient http, ChildMaestro maestro) throws IOException, InterruptedException {
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(maestro.uri("/api/inventory/nodes/DC-BROOKLYN"))
                .header("X-Api-Key", INTEGRATION_KEY).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode position : JSON.readTree(read.body()).findParents("sku")) {
            if (position.get("sku").asText().equals(DEVICE_SKU)) {
                return position.get("onHand").asLong();
            }
        }
        return 0;
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
            if (answer == REFUSED) {
                continue;
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
            JsonNode answer = post(http, maestro, "/api/inventory/adjustments", adjustment, unexpected);
            if (answer == null) {
                return;
            }
            if (answer != REFUSED) {
                acknowledged.put(eventId, delta);
            }
        }
    }

    /**
     * The 2xx answer; {@link #REFUSED} for a 5xx (not acknowledged, so no promise to keep: what a busy machine's lock
     * timeouts answer is for other tests); null once the server is gone, or for a 4xx (a mistake of this test).
     */
    private static JsonNode post(HttpClient http, ChildMaestro maestro, String path, Object body,
                                 AtomicReference<String> unexpected) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(maestro.uri(path))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .header("X-Api-Key", INTEGRATION_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 5) {
                LOG.info("Not acknowledged: {} answered {}: {}", path, response.statusCode(), response.body());
                return REFUSED;
            }
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

        Map<String, Long> deviceLedger = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select source_event_id, count(*) "
                + "from inventory_ledger where source_event_id like '" + DEVICE_EVENT_PREFIX + "%' group by source_event_id")) {
            while (rs.next()) {
                deviceLedger.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertThat(acknowledged.deviceEvents().stream().filter(id -> deviceLedger.get(id) == null).toList())
                .as("device events the broker confirmed, not in the ledger (of %d)", acknowledged.deviceEvents().size())
                .isEmpty();
        assertThat(deviceLedger.values()).as("each device event applied once").allMatch(n -> n == 1);

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
