package io.maestro.app.bench;

import io.maestro.processes.H2EngineIndexes;
import io.maestro.processes.LazyEntityIdCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * {@code ./maestro bench engine-floor [--orders N] [--clients C] [--history full|audit|activity|none] [--sql-statistics K]}:
 * what the process engine alone costs per order, with nothing of Maestro's own work. Camunda 7 on the default run's H2 file database, history full and Maestro's engine
 * plugins, runs two skeleton processes with the shape the lifecycle must have and no less: the order's
 * continuation after intake, four one-rule decisions, an external-task allocation, one shipment as a called process,
 * release and label as async steps, and waits for the node's acceptance (with its SLA timer), dispatch and delivery.
 * No HTTP, no delegates with work, a handful of variables; the worker and the partners use the Java API in this
 * process. The baseline is the same skeleton one order at a time (one client). Its CPU per order is the floor under
 * {@code bench lifecycle}'s: what no tuning of Maestro's code can go below on this engine and database. {@code --history}
 * shows what the history level costs; {@code --sql-statistics K} prints the K statements that took the most time.
 */
public final class EngineFloorBenchmark {

    private static final List<String> PARTNER_MESSAGES = List.of("FloorAccepted", "FloorDispatched", "FloorDelivered");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = LifecycleBenchmark.options(args);
        int orders = Integer.parseInt(options.getOrDefault("orders", "1000"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        String history = options.getOrDefault("history", ProcessEngineConfiguration.HISTORY_FULL);
        Path dataDir = Files.createTempDirectory("maestro-bench-floor");
        StandaloneProcessEngineConfiguration configuration = (StandaloneProcessEngineConfiguration)
                ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        configuration.setJdbcUrl(LifecycleBenchmark.h2FileUrl(dataDir));
        configuration.setJdbcUsername("sa");
        configuration.setJdbcPassword("");
        configuration.setJdbcMaxActiveConnections(24);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(history);
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_START);
        configuration.setEnforceHistoryTimeToLive(false);
        configuration.setJobExecutorActivate(true);
        configuration.setProcessEnginePlugins(List.of(new H2EngineIndexes(), new LazyEntityIdCheck()));
        configuration.setProcessEngineName("engine-floor");
        System.out.printf("Starting Camunda alone (H2 file, history %s) ...%n", history);
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().name("engine-floor")
                    .addModelInstance("order-floor.bpmn", orderFloor())
                    .addModelInstance("shipment-floor.bpmn", shipmentFloor())
                    .addString("decide-floor.dmn", DECISIONS)
                    .deploy();
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(configuration.getJdbcUrl(), "sa", ""));
            Run baseline = run(engine, Math.max(20, Math.min(100, orders / 10)), 1, "baseline");
            EngineWorkReport.startSqlStatistics(jdbc);
            Run measured = run(engine, orders, clients, "measured");
            print(history, baseline, measured);
            if (options.containsKey("sql-statistics")) {
                EngineWorkReport.printSqlStatistics(jdbc, orders, Integer.parseInt(options.get("sql-statistics")));
            }
            EngineWorkReport.printEngineWork(jdbc, baseline.orders() + measured.orders(), "history " + history);
        } finally {
            engine.close();
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    record Run(String name, int orders, int clients, double seconds, double cpuMsPerOrder) {
        double ordersPerSecond() {
            return orders / seconds;
        }
    }

    private static Run run(ProcessEngine engine, int orders, int clients, String name) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        Instant start = Instant.now();
        long cpuStart = LifecycleBenchmark.processCpuNanos();
        Thread worker = new Thread(() -> allocate(engine, done), "floor-worker");
        Thread partner = new Thread(() -> answer(engine, done), "floor-partner");
        worker.start();
        partner.start();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> placed = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String key = name + "-" + i;
            placed.add(pool.submit(() -> engine.getRuntimeService().startProcessInstanceByKey("order-floor", key,
                    Map.of("orderValue", 59.70, "channel", "WEB"))));
        }
        for (Future<?> f : placed) {
            f.get();
        }
        pool.shutdown();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120 + orders / 5));
        while (running(engine) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        double cpuMsPerOrder = (LifecycleBenchmark.processCpuNanos() - cpuStart) / 1e6 / orders;
        done.set(true);
        worker.join();
        partner.join();
        long open = running(engine);
        if (open > 0) {
            throw new IllegalStateException(open + " skeleton orders did not finish in time");
        }
        return new Run(name, orders, clients, seconds, cpuMsPerOrder);
    }

    private static long running(ProcessEngine engine) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("order-floor").count();
    }

    /** The allocation worker: fetch and lock, complete with one shipment. */
    private static void allocate(ProcessEngine engine, AtomicBoolean done) {
        while (!done.get()) {
            List<LockedExternalTask> tasks = engine.getExternalTaskService().fetchAndLock(10, "floor-worker")
                    .topic("allocate-floor", 60_000).execute();
            for (LockedExternalTask task : tasks) {
                engine.getExternalTaskService().complete(task.getId(), "floor-worker",
                        Map.of("shipmentIds", List.of(task.getBusinessKey() + "-1")));
            }
            pauseIf(tasks.isEmpty());
        }
    }

    /**
     * The node and the carrier: each waiting shipment gets its next event, correlated to its instance by one of four
     * threads. A subscription is answered once, even when a poll sees it again before its correlation committed.
     */
    private static void answer(ProcessEngine engine, AtomicBoolean done) {
        ExecutorService partners = Executors.newFixedThreadPool(4);
        Set<String> answeredOnce = ConcurrentHashMap.newKeySet();
        while (!done.get()) {
            int answered = 0;
            for (String message : PARTNER_MESSAGES) {
                List<EventSubscription> waiting = engine.getRuntimeService().createEventSubscriptionQuery().eventType("message")
                        .eventName(message).listPage(0, 200);
                for (EventSubscription subscription : waiting) {
                    if (answeredOnce.add(subscription.getId())) {
                        answered++;
                        partners.execute(() -> engine.getRuntimeService().createMessageCorrelation(message)
                                .processInstanceId(subscription.getProcessInstanceId()).correlateWithResult());
                    }
                }
            }
            pauseIf(answered == 0);
        }
        partners.shutdown();
    }

    private static void pauseIf(boolean idle) {
        if (idle) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static BpmnModelInstance orderFloor() {
        return Bpmn.createExecutableProcess("order-floor").camundaHistoryTimeToLive(180)
                .startEvent("StartEvent_OrderAccepted").camundaAsyncAfter()
                .businessRuleTask("Task_ScreenOrder").camundaDecisionRef("screen-floor").camundaResultVariable("hold")
                .camundaMapDecisionResult("singleEntry")
                .exclusiveGateway("Gateway_Hold")
                .condition("held", "${hold}").endEvent("EndEvent_Held")
                .moveToLastGateway().condition("not held", "${!hold}")
                .businessRuleTask("Task_DecidePolicy").camundaDecisionRef("policy-floor").camundaResultVariable("policy")
                .camundaMapDecisionResult("singleEntry")
                .businessRuleTask("Task_DecideEligibleNodes").camundaDecisionRef("eligibility-floor")
                .camundaResultVariable("eligible").camundaMapDecisionResult("singleEntry")
                .serviceTask("Task_AllocateOrder").camundaExternalTask("allocate-floor")
                .callActivity("CallActivity_ExecuteShipments").calledElement("shipment-floor")
                .camundaIn("shipmentId", "shipmentId").camundaIn("policy", "policy")
                .multiInstance().camundaCollection("${shipmentIds}").camundaElementVariable("shipmentId").multiInstanceDone()
                .endEvent("EndEvent_Completed")
                .done();
    }

    static BpmnModelInstance shipmentFloor() {
        return Bpmn.createExecutableProcess("shipment-floor").camundaHistoryTimeToLive(180)
                .startEvent("StartEvent_Shipment")
                .serviceTask("Task_ReleaseToNode").camundaAsyncBefore().camundaExpression("${true}")
                .eventBasedGateway().id("Gateway_NodeAnswer")
                .intermediateCatchEvent("Event_ShipmentAccepted").message("FloorAccepted")
                .businessRuleTask("Task_SelectCarrier").camundaDecisionRef("carrier-floor").camundaResultVariable("carrier")
                .camundaMapDecisionResult("singleEntry")
                .serviceTask("Task_BuyLabel").camundaAsyncBefore().camundaExpression("${true}")
                .intermediateCatchEvent("Event_ShipmentDispatched").message("FloorDispatched")
                .intermediateCatchEvent("Event_ShipmentDelivered").message("FloorDelivered")
                .endEvent("EndEvent_Delivered")
                .moveToNode("Gateway_NodeAnswer")
                .intermediateCatchEvent("Event_NodeAcceptanceTimeout").timerWithDuration("PT30M")
                .endEvent("EndEvent_NodeTimedOut")
                .done();
    }

    /** Four decision tables of one input, one output and two rules: lighter than any of Maestro's. */
    private static final String DECISIONS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Floor" name="Floor"
                namespace="http://maestro.io/bench">
            %s%s%s%s</definitions>
            """.formatted(table("screen-floor", "orderValue > 10000", "true", "false", "boolean"),
            table("policy-floor", "channel = \"WEB\"", "\"BALANCED\"", "\"CHEAPEST\"", "string"),
            table("eligibility-floor", "channel = \"WEB\"", "\"DC\"", "\"STORE\"", "string"),
            table("carrier-floor", "policy = \"BALANCED\"", "\"GROUND\"", "\"TWO_DAY\"", "string"));

    private static String table(String id, String test, String yes, String no, String type) {
        return """
                  <decision id="%1$s" name="%1$s">
                    <decisionTable id="Table_%1$s" hitPolicy="FIRST">
                      <input id="Input_%1$s"><inputExpression id="Expression_%1$s" typeRef="boolean"><text>%2$s</text></inputExpression></input>
                      <output id="Output_%1$s" name="result" typeRef="%5$s" />
                      <rule id="Rule_%1$s_yes"><inputEntry id="In_%1$s_yes"><text>true</text></inputEntry><outputEntry id="Out_%1$s_yes"><text>%3$s</text></outputEntry></rule>
                      <rule id="Rule_%1$s_no"><inputEntry id="In_%1$s_no"><text>-</text></inputEntry><outputEntry id="Out_%1$s_no"><text>%4$s</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                """.formatted(id, test, yes, no, type);
    }

    private static void print(String history, Run baseline, Run measured) {
        System.out.println();
        System.out.printf("%-9s %7s %7s %9s %12s%n", "run", "orders", "clients", "orders/s", "CPU ms/order");
        for (Run r : List.of(baseline, measured)) {
            System.out.printf(Locale.ROOT, "%-9s %7d %7d %9.1f %12.1f%n", r.name(), r.orders(), r.clients(),
                    r.ordersPerSecond(), r.cpuMsPerOrder());
        }
        for (Run r : List.of(baseline, measured)) {
            System.out.printf(Locale.ROOT, "RESULT bench=engine-floor db=h2 history=%s run=%s orders=%d clients=%d orders_per_s=%.1f "
                            + "wall_s=%.1f cpu_ms_per_order=%.1f%n", history, r.name(), r.orders(), r.clients(), r.ordersPerSecond(),
                    r.seconds(), r.cpuMsPerOrder());
        }
        System.out.printf(Locale.ROOT, "RESULT bench=engine-floor db=h2 history=%s ratio_orders_per_s_vs_baseline=%.2f%n",
                history, measured.ordersPerSecond() / baseline.ordersPerSecond());
    }

    private EngineFloorBenchmark() {
    }
}
