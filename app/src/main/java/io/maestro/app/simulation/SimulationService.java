package io.maestro.app.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.NotFoundException;
import io.maestro.core.StateConflictException;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderFilter;
import io.maestro.core.order.OrderService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Runs what-if replays in the background, one at a time per node ({@code maestro.simulation.queue} more may wait;
 * beyond that a new one is refused with 409). The row is written before the 202, so a simulation always exists once
 * accepted; while it waits or runs its node beats its heartbeat. One whose node starts again under the same name
 * ({@link #owner()}) is marked INTERRUPTED at that start; one whose heartbeat stopped for {@link #SILENCE} (its node
 * gone or started under another name) at any node's start and whenever simulations are read.
 */
@Service
@ConditionalOnWebApplication
public class SimulationService implements DisposableBean {

    static final Duration SILENCE = Duration.ofSeconds(60);
    private static final long HEARTBEAT_SECONDS = 10;
    private static final long PROGRESS_MILLIS = 500;
    private static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(SimulationService.class);

    private final OrderReplay replay;
    private final ScenarioOrders scenarios;
    private final OrderService orders;
    private final NetworkService network;
    private final SimulationStore store;
    private final ObjectMapper json;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulation-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final org.springframework.core.env.Environment environment;

    public SimulationService(OrderReplay replay, ScenarioOrders scenarios, OrderService orders, NetworkService network,
                             SimulationStore store, ObjectMapper json, org.springframework.core.env.Environment environment,
                             @Value("${maestro.simulation.queue:4}") int queue) {
        this.environment = environment;
        this.replay = replay;
        this.scenarios = scenarios;
        this.orders = orders;
        this.network = network;
        this.store = store;
        this.json = json;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(1, queue)), r -> {
            Thread t = new Thread(r, "simulation");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(() -> {
            try {
                store.heartbeat(List.copyOf(active));
            } catch (RuntimeException e) {
                log.warn("Could not beat the simulations' heartbeat", e);
            }
        }, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** What was accepted: the id to poll. */
    public record Accepted(String simulationId, String status) {
    }

    /** Checks the request (every bad field at once, candidate tables parsed), stores it and queues it. */
    public synchronized Accepted submit(SimulationRequest request, String requestedBy) {
        if (request == null) {
            throw new InvalidRequestException("body", "is required");
        }
        Set<String> nodes = network.all().stream().map(Node::id).collect(Collectors.toSet());
        request.validate(nodes);
        List<DecisionTables> tables = replay.tablesOf(request);
        if ("RECORDED".equals(request.source().kind())) {
            long count = orders.count(recorded(request.source()));
            if (count == 0 || count > SimulationRequest.MAX_ORDERS) {
                throw new InvalidRequestException("source.from", "the period holds " + count + " orders; a replay takes 1 to "
                        + SimulationRequest.MAX_ORDERS);
            }
        }
        if (executor.getQueue().remainingCapacity() == 0) {
            throw new StateConflictException("Simulations are already running and queued on this node ("
                    + executor.getQueue().size() + " waiting): try again when one has finished");
        }
        String id = "SIM-" + UUID.randomUUID();
        store.create(id, request.name(), requestedBy, owner(), write(request));
        active.add(id);
        executor.execute(() -> run(id, request, tables));
        return new Accepted(id, SimulationStore.QUEUED);
    }

    /** The simulation as it stands (INTERRUPTED if its node stopped running it). */
    public SimulationStore.Row get(String id) {
        store.markInterrupted(SILENCE);
        return store.find(id).orElseThrow(() -> new NotFoundException("Simulation", id));
    }

    /** The result of a finished simulation; 409 while it runs or when it did not finish. */
    public SimulationResult result(String id) {
        SimulationStore.Row row = get(id);
        if (!SimulationStore.DONE.equals(row.status())) {
            throw new StateConflictException("Simulation " + id + " is " + row.status() + ": its results come when it is DONE");
        }
        return read(row.result());
    }

    /** A stored result read back. */
    public SimulationResult read(String result) {
        try {
            return json.readValue(result, SimulationResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored result does not read back", e);
        }
    }

    /**
     * This node as the simulations it runs name it: host and HTTP port. A node that starts again under the same name
     * knows at once that what it ran before is not running any more.
     */
    String owner() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    @EventListener(ApplicationReadyEvent.class)
    void markInterruptedAtStart() {
        int marked = store.markInterrupted(owner(), Set.copyOf(active)) + store.markInterrupted(SILENCE);
        if (marked > 0) {
            log.warn("{} simulation(s) were left unfinished by a stopped node and are marked INTERRUPTED", marked);
        }
    }

    private void run(String id, SimulationRequest request, List<DecisionTables> tables) {
        try {
            SimulationRequest.Source source = request.source();
            List<Order> replayed;
            Set<String> paused = new HashSet<>();
            Set<String> outOfStock = new HashSet<>();
            String description;
            if ("RECORDED".equals(source.kind())) {
                replayed = recordedOrders(source);
                description = "recorded: " + replayed.size() + " orders created from " + source.from() + " to " + source.to();
            } else {
                replayed = scenarios.generate(source);
                Scenario scenario = Scenario.named(source.scenario());
                description = scenario + ": " + replayed.size() + " generated orders, seed "
                        + (source.seed() == null ? 1 : source.seed());
                if (scenario == Scenario.NODE_OUTAGE) {
                    String node = source.nodeId() != null ? source.nodeId() : largestNode();
                    paused.add(node);
                    description += ", node " + node + " down";
                } else if (scenario == Scenario.TOP_SKU_STOCKOUT) {
                    outOfStock.addAll(ScenarioOrders.topSkus(replayed, source.topSkus() == null ? 10 : source.topSkus()));
                    description += ", out of stock: " + String.join(", ", outOfStock.stream().sorted().toList());
                } else if (scenario == Scenario.REGIONAL_SURGE) {
                    description += ", surge to " + (source.region() == null ? "NY" : source.region());
                }
            }
            int total = 2 * replayed.size() * request.variants().size();
            store.started(id, total);
            AtomicInteger done = new AtomicInteger();
            java.util.concurrent.atomic.AtomicLong reported = new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis());
            SimulationResult result = replay.run(description, replayed, request, tables, paused, outOfStock, step -> {
                int now = done.addAndGet(step);
                long last = reported.get();
                if (System.currentTimeMillis() - last >= PROGRESS_MILLIS && reported.compareAndSet(last, System.currentTimeMillis())) {
                    store.progress(id, now);
                }
            });
            store.done(id, done.get(), write(result));
            log.info("Simulation {} done: {}", id, result.variants().stream().map(v -> v.name() + " "
                    + v.ordersPerSecond() + " orders/s").collect(Collectors.joining(", ")));
        } catch (RuntimeException e) {
            log.warn("Simulation {} failed", id, e);
            store.failed(id, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            active.remove(id);
        }
    }

    private static OrderFilter recorded(SimulationRequest.Source source) {
        return new OrderFilter(null, null, null, source.from(), source.to());
    }

    /** The orders created in the period, oldest first, as they are now (lines and all). */
    private List<Order> recordedOrders(SimulationRequest.Source source) {
        List<Order> found = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<Order> page = orders.list(recorded(source), offset, PAGE);
            page.forEach(header -> found.add(orders.get(header.orderId())));
            if (page.size() < PAGE || found.size() >= SimulationRequest.MAX_ORDERS) {
                break;
            }
        }
        found.sort(Comparator.comparing(Order::createdAt).thenComparing(Order::orderId));
        return found;
    }

    /** The node an outage hurts most when none is named: the largest daily capacity (then the first id). */
    private String largestNode() {
        return network.all().stream().sorted(Comparator.comparingInt(Node::dailyCapacity).reversed()
                .thenComparing(Node::id)).findFirst().map(Node::id).orElseThrow();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        executor.shutdownNow();
    }
}
