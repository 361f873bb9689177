package io.maestro.app.chaos;

import io.maestro.app.Api;
import io.maestro.app.chaos.ChaosPlan.Action;
import io.maestro.app.chaos.ChaosPlan.FaultPlan;
import io.maestro.app.chaos.ChaosPlan.OrderPlan;
import io.maestro.app.chaos.ChaosPlan.Step;
import io.maestro.app.chaos.PartnerEvents.ShipmentRow;
import io.maestro.integrations.carriers.TrackingStatus;
import io.maestro.integrations.nodes.NodeEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs a {@link ChaosPlan} against a running application: the orders are placed one after another from a pool of
 * client threads, each order's steps follow its intake at the planned moments (interleaved with the other orders'),
 * and the planned partner outages are switched on and off through {@code /sandbox/faults}.
 */
final class ChaosRun {

    static final Api.Auth OPERATOR = Api.Auth.user("operator");
    private static final long INTAKE_SPACING_MS = 200;
    private static final int CLIENTS = 24;
    private static final Duration EVENT_PATIENCE = Duration.ofSeconds(90);
    private static final long WATCH_MS = 100;
    private static final Set<String> LATE = Set.of("DISPATCHED", "DELAYED", "DELIVERED");
    private static final Set<String> AT_NODE = Set.of("ACCEPTED", "DISPATCHED", "DELAYED", "DELIVERED");

    private final Api api;
    private final JdbcTemplate jdbc;
    private final PartnerEvents events;
    private final ChaosRecord record = new ChaosRecord();
    private final Map<String, String> orderIds = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final ScheduledExecutorService watcher = Executors.newScheduledThreadPool(4);
    private final Phaser watching = new Phaser(1);

    ChaosRun(Api api, JdbcTemplate jdbc, PartnerEvents events) {
        this.api = api;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Sends everything the plan says and returns once every order's last step was sent. */
    ChaosRecord run(ChaosPlan plan) throws InterruptedException {
        ScheduledExecutorService intake = Executors.newScheduledThreadPool(4);
        ScheduledExecutorService clients = Executors.newScheduledThreadPool(CLIENTS);
        CountDownLatch done = new CountDownLatch(plan.orders().size());
        try {
            for (FaultPlan fault : plan.faults()) {
                clients.schedule(() -> fault(fault, true), fault.atMs(), TimeUnit.MILLISECONDS);
                clients.schedule(() -> fault(fault, false), fault.atMs() + fault.forMs(), TimeUnit.MILLISECONDS);
            }
            for (int i = 0; i < plan.orders().size(); i++) {
                OrderPlan order = plan.orders().get(i);
                String channelOrderId = "CHAOS-" + i;
                intake.schedule(() -> guarded(channelOrderId, () -> {
                    String orderId = place(channelOrderId, order);
                    next(clients, done, order, orderId, 0);
                }, done), i * INTAKE_SPACING_MS, TimeUnit.MILLISECONDS);
            }
            long intakeMs = plan.orders().size() * INTAKE_SPACING_MS;
            intake.schedule(() -> guarded("replenish", () -> ChaosStock.replenish(api), null), intakeMs, TimeUnit.MILLISECONDS);
            if (!done.await(10, TimeUnit.MINUTES)) {
                record.clientFailure(done.getCount() + " orders did not get through their steps in 10 minutes");
            }
            long lastFault = plan.faults().stream().mapToLong(f -> f.atMs() + f.forMs()).max().orElse(0);
            Thread.sleep(Math.max(0, lastFault - intakeMs));
            watching.arriveAndAwaitAdvance();
        } finally {
            watcher.shutdown();
            intake.shutdown();
            clients.shutdown();
            clients.awaitTermination(1, TimeUnit.MINUTES);
            api.send("DELETE", "/sandbox/faults", null, Api.ADMIN);
        }
        return record;
    }

    Map<String, String> orderIds() {
        return Map.copyOf(orderIds);
    }

    private void next(ScheduledExecutorService clients, CountDownLatch done, OrderPlan order, String orderId, int index) {
        if (index == order.steps().size()) {
            done.countDown();
            return;
        }
        Step step = order.steps().get(index);
        clients.schedule(() -> guarded(orderId, () -> {
            step(order, orderId, step);
            next(clients, done, order, orderId, index + 1);
        }, done), step.afterMs(), TimeUnit.MILLISECONDS);
    }

    private void guarded(String what, Runnable action, CountDownLatch done) {
        try {
            action.run();
        } catch (RuntimeException | AssertionError e) {
            record.clientFailure(what + ": " + e);
            if (done != null) {
                done.countDown();
            }
        }
    }

    private String place(String channelOrderId, OrderPlan order) {
        List<Map<String, Object>> lines = order.lines().stream().map(l -> Map.<String, Object>of("sku",
                ChaosStock.SKUS.get(l.skuIndex()), "quantity", l.quantity(), "unitPrice", 19.90)).toList();
        Map<String, Object> body = Map.of("channel", "WEB", "channelOrderId", channelOrderId,
                "customer", Map.of("id", "C-" + channelOrderId, "tier", "STANDARD", "email", "chaos@example.com"),
                "shipTo", ChaosStock.ADDRESSES.get(order.address()), "deliveryOption", "SHIP", "preference", "BALANCED",
                "shipComplete", order.shipComplete(), "lines", lines);
        Api.Response accepted = record.answered("ORDER", "POST /api/orders " + channelOrderId,
                api.post("/api/orders", body, Api.INTEGRATION));
        if (accepted.status() != 201) {
            throw new AssertionError("order " + channelOrderId + " answered " + accepted.status() + " " + accepted.body());
        }
        String orderId = accepted.json().path("orderId").asText();
        orderIds.put(orderId, channelOrderId);
        return orderId;
    }

    private void step(OrderPlan order, String orderId, Step step) {
        int lineNo = 1 + (step.lineNo() - 1) % order.lines().size();
        int units = Math.min(step.units(), order.lines().get(lineNo - 1).quantity());
        switch (step.action()) {
            case CANCEL -> command(orderId, "cancel", Map.of("reason", "chaos: customer called"), step, 0, 0, null);
            case CHANGE_ADDRESS -> {
                Map<String, Object> address = ChaosStock.ADDRESSES.get(step.address());
                command(orderId, "change", Map.of("shipTo", address), step, 0, 0,
                        (String) address.get("postalCode"));
            }
            case CANCEL_LINE -> cancelLine(orderId, step, lineNo, units);
            case HOLD_RELEASE, HOLD_CANCEL_LINE_RELEASE -> {
                int hold = command(orderId, "hold", Map.of("reason", "chaos: check with the customer"), step,
                        0, 0, null);
                if (hold == 202) {
                    pause(step.afterMs() / 2);
                    if (step.action() == Action.HOLD_CANCEL_LINE_RELEASE) {
                        cancelLine(orderId, step, lineNo, units);
                    }
                    pause(step.afterMs() / 2);
                    command(orderId, "release", Map.of("reason", "chaos: go ahead"), step, 0, 0, null);
                }
            }
            case DUPLICATE_EVENT -> watch(orderId, s -> AT_NODE.contains(s.status()), this::duplicate,
                    "DUPLICATE_EVENT skipped (no shipment at a node)");
            case LATE_EVENT -> watch(orderId, s -> LATE.contains(s.status()), this::late,
                    "LATE_EVENT skipped (nothing dispatched)");
            case OUT_OF_ORDER_EVENT -> watch(orderId, s -> s.trackingNumber() != null
                    && Set.of("ACCEPTED", "DISPATCHED").contains(s.status()), this::outOfOrder,
                    "OUT_OF_ORDER_EVENT skipped (no labelled shipment before its scan)");
        }
    }

    private void cancelLine(String orderId, Step step, int lineNo, int units) {
        command(orderId, "lines/cancel", Map.of("lines", List.of(Map.of("lineNo", lineNo, "quantity", units)),
                "reason", "chaos: fewer please"), step, lineNo, units, null);
    }

    /** Sends the command with a commandId of its own (twice when the step says so); returns the first answer's status. */
    private int command(String orderId, String path, Map<String, Object> body, Step step, int lineNo,
                        int units, String postalCode) {
        String commandId = "chaos-" + orderId + "-" + sequence.incrementAndGet();
        Map<String, Object> withId = new HashMap<>(body);
        withId.put("commandId", commandId);
        String what = path.toUpperCase().replace('/', '_');
        String request = "POST /api/orders/" + orderId + "/" + path + " " + withId;
        Api.Response first = record.answered(what, request, api.post("/api/orders/" + orderId + "/" + path, withId, OPERATOR));
        if (first.status() == 202) {
            record.accepted(new ChaosRecord.Accepted(orderId, commandId, path, lineNo, units, postalCode));
        }
        if (step.repeat()) {
            Api.Response again = record.answered(what + " (repeated)", request,
                    api.post("/api/orders/" + orderId + "/" + path, withId, OPERATOR));
            if (again.status() != first.status()) {
                record.clientFailure("the same " + request + " answered " + first.status() + " " + first.body()
                        + ", then " + again.status() + " " + again.body());
            }
        }
        return first.status();
    }

    /** An event the partner already sent, sent again under its id: the node's acceptance or the carrier's first scan. */
    private void duplicate(ShipmentRow s) {
        if (LATE.contains(s.status()) && s.trackingNumber() != null && sequence.get() % 2 == 0) {
            record.answered("DUPLICATE_EVENT carrier IN_TRANSIT", "duplicate " + s, events.carrier(s, TrackingStatus.IN_TRANSIT, null));
        } else {
            record.answered("DUPLICATE_EVENT node ACCEPTED", "duplicate " + s, events.node(s, NodeEventType.ACCEPTED, null));
        }
    }

    /** An event under a new id that belongs to a step the shipment passed long ago. */
    private void late(ShipmentRow s) {
        String eventId = "late-" + sequence.incrementAndGet();
        if (s.status().equals("DELIVERED") && s.trackingNumber() != null) {
            record.answered("LATE_EVENT carrier IN_TRANSIT", "late " + s, events.carrier(s, TrackingStatus.IN_TRANSIT, eventId));
        } else {
            record.answered("LATE_EVENT node ACCEPTED", "late " + s, events.node(s, NodeEventType.ACCEPTED, eventId));
        }
    }

    /** The carrier's scan (under the carrier's own id) before the node reported the dispatch, or the delivery before the first scan. */
    private void outOfOrder(ShipmentRow s) {
        TrackingStatus status = s.status().equals("ACCEPTED") && sequence.incrementAndGet() % 2 == 0
                ? TrackingStatus.IN_TRANSIT : TrackingStatus.DELIVERED;
        record.answered("OUT_OF_ORDER_EVENT carrier " + status + " at " + s.status(), "out of order " + s,
                events.carrier(s, status, null));
    }

    /**
     * Looks at the order's shipments every {@value #WATCH_MS} ms, without holding a client thread, until one is where
     * the event is meant to hit it, then sends it; counts it skipped when none gets there in time.
     */
    private void watch(String orderId, Predicate<ShipmentRow> wanted, Consumer<ShipmentRow> send, String skipped) {
        watching.register();
        watch(orderId, wanted, send, skipped, Instant.now().plus(EVENT_PATIENCE));
    }

    private void watch(String orderId, Predicate<ShipmentRow> wanted, Consumer<ShipmentRow> send, String skipped,
                       Instant deadline) {
        try {
            Optional<ShipmentRow> found = shipments(orderId).stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                send.accept(found.get());
            } else if (Instant.now().isAfter(deadline)) {
                record.count(skipped);
            } else {
                watcher.schedule(() -> watch(orderId, wanted, send, skipped, deadline), WATCH_MS, TimeUnit.MILLISECONDS);
                return;
            }
        } catch (RuntimeException e) {
            record.clientFailure(orderId + " partner event: " + e);
        }
        watching.arriveAndDeregister();
    }

    private List<ShipmentRow> shipments(String orderId) {
        return new ArrayList<>(jdbc.query("select id, order_id, node_id, status, tracking_number, carrier from shipment "
                        + "where order_id = ? order by id", (rs, n) -> new ShipmentRow(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), orderId));
    }

    private void fault(FaultPlan fault, boolean down) {
        Api.Response response = down
                ? api.send("PUT", "/sandbox/faults/" + fault.partner(), Map.of("outage", true), Api.ADMIN)
                : api.send("DELETE", "/sandbox/faults/" + fault.partner(), null, Api.ADMIN);
        record.count((down ? "FAULT on " : "FAULT off ") + response.status());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
