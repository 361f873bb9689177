package io.maestro.app.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import io.maestro.app.SampleOrders;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The in-process worker serves topic {@code allocate-order} through the engine's REST API: a process
 * waiting at the task gets the order allocated, or BPMN error {@code NoFeasibleAllocation}. The orders are held
 * by screening (their ship-to state does not exist), so only the probe processes here allocate them, and they
 * buy a SKU of their own stocked like the seed scenario.
 */
@MaestroTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllocateOrderWorkerTest {

    private static final String PROCESS = "allocation-probe";
    private static final String REALLOCATION = "reallocation-probe";

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired TaskService tasks;
    @Autowired OrderService orders;

    private String sku;

    @BeforeAll
    void deployProbe() {
        Api api = new Api(port);
        sku = "PROBE-TEE-" + ProcessHandle.current().pid();
        Api.Response created = api.post("/api/skus", Map.of("sku", sku, "name", "Probe tee", "category", "TEST",
                "weightKg", 0.25, "lengthCm", 30, "widthCm", 20, "heightCm", 3, "hazmat", false, "oversize", false),
                Api.ADMIN);
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        Map.of("DC-BROOKLYN", 1, "DC-OLEAN", 2, "ST-NYC-SOHO", 2).forEach((node, units) -> assertThat(api.post(
                "/api/inventory/adjustments", Map.of("eventId", "probe-" + sku + "-" + node, "nodeId", node, "sku", sku,
                        "setOnHand", units, "reason", "probe stock"), Api.ADMIN).status()).isIn(200, 201));
        BpmnModelInstance probe = Bpmn.createExecutableProcess(PROCESS)
                .startEvent("StartEvent_OrderAccepted")
                .serviceTask("Task_AllocateOrder").camundaExternalTask("allocate-order")
                .boundaryEvent("BoundaryEvent_NoFeasibleAllocation").error("NoFeasibleAllocation")
                .endEvent("EndEvent_NotAllocated")
                .moveToActivity("Task_AllocateOrder")
                .exclusiveGateway("Gateway_ShipmentCount")
                .condition("one shipment", "${shipmentCount == 1}").endEvent("EndEvent_AllocatedInOneShipment")
                .moveToLastGateway()
                .condition("more shipments", "${shipmentCount != 1}").endEvent("EndEvent_AllocatedInMoreShipments")
                .done();
        BpmnModelInstance reallocation = Bpmn.createExecutableProcess(REALLOCATION)
                .startEvent("StartEvent_ShipmentRejected")
                .serviceTask("Task_ReallocateOrder").camundaExternalTask("reallocate-order")
                .boundaryEvent("BoundaryEvent_NoFeasibleAllocation").error("NoFeasibleAllocation")
                .endEvent("EndEvent_NotReallocated")
                .moveToActivity("Task_ReallocateOrder")
                .endEvent("EndEvent_Reallocated")
                .done();
        repository.createDeployment().addModelInstance(PROCESS + ".bpmn", probe)
                .addModelInstance(REALLOCATION + ".bpmn", reallocation).deploy();
    }

    @Test
    void theWorkerAllocatesTheOrderOfTheTask() {
        String orderId = accept(SampleOrders.twoTshirtsToBrooklyn("W-WORKER-1"));

        String processInstance = runtime.startProcessInstanceByKey(PROCESS, orderId).getId();

        assertThat(endOf(processInstance)).as("the task's shipmentCount is 1").isEqualTo("EndEvent_AllocatedInOneShipment");
        Order order = orders.get(orderId);
        assertThat(order.shipments()).singleElement().satisfies(s -> {
            assertThat(s.nodeId()).as("the Brooklyn DC has only one").isNotEqualTo("DC-BROOKLYN");
            assertThat(s.lines().get(0).quantity()).isEqualTo(2);
        });
    }

    @Test
    void aRejectedShipmentIsReallocatedWithoutItsNode() {
        String orderId = accept(SampleOrders.twoTshirtsToBrooklyn("W-WORKER-3"));
        endOf(runtime.startProcessInstanceByKey(PROCESS, orderId).getId());
        Shipment first = orders.get(orderId).shipments().get(0);

        String processInstance = runtime.startProcessInstanceByKey(REALLOCATION, orderId,
                Map.of("rejectedShipmentId", first.shipmentId(), "rejectionReason", "picker found the bin empty")).getId();

        assertThat(endOf(processInstance)).isEqualTo("EndEvent_Reallocated");
        assertThat(orders.get(orderId).shipments()).anySatisfy(s -> {
            assertThat(s.shipmentId()).isEqualTo(first.shipmentId());
            assertThat(s.status()).isEqualTo(ShipmentStatus.REJECTED);
        }).anySatisfy(s -> {
            assertThat(s.nodeId()).isNotEqualTo(first.nodeId());
            assertThat(s.status()).isEqualTo(ShipmentStatus.PLANNED);
        });
    }

    @Test
    void anOrderNoNodeCanShipTakesTheErrorPath() {
        Map<String, Object> soldOut = new HashMap<>(SampleOrders.twoTshirtsToBrooklyn("W-WORKER-2"));
        soldOut.put("lines", List.of(Map.of("sku", "SHOE-TRL-39", "quantity", 1, "unitPrice", 90)));
        String orderId = accept(soldOut);

        String processInstance = runtime.startProcessInstanceByKey(PROCESS, orderId).getId();

        assertThat(endOf(processInstance)).isEqualTo("EndEvent_NotAllocated");
        assertThat(orders.get(orderId).shipments()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private String accept(Map<String, Object> sample) {
        Map<String, Object> order = new HashMap<>(sample);
        Map<String, Object> shipTo = new HashMap<>((Map<String, Object>) sample.get("shipTo"));
        shipTo.put("region", "XX");
        order.put("shipTo", shipTo);
        if (sample.get("lines").toString().contains("TSHIRT-BLK-M")) {
            order.put("lines", List.of(Map.of("sku", sku, "quantity", 2, "unitPrice", 19.90)));
        }
        Api.Response accepted = new Api(port).post("/api/orders", order, Api.INTEGRATION);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        String orderId = accepted.json().get("orderId").asText();
        standAsideOwnProcess(orderId);
        return orderId;
    }

    /**
     * The address mismatch holds the order in its own process for a review; that process is taken away and the order
     * is back to RECEIVED, so only the probe allocates it.
     */
    private void standAsideOwnProcess(String orderId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (tasks.createTaskQuery().processInstanceBusinessKey(orderId).taskDefinitionKey("Task_ReviewHeldOrder")
                .count() == 0) {
            assertThat(Instant.now()).as("order " + orderId + " held for review").isBefore(deadline);
            sleep();
        }
        runtime.createProcessInstanceQuery().processDefinitionKey("order-fulfillment").processInstanceBusinessKey(orderId)
                .list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "the allocation probe takes this order"));
        orders.changeStatus(orderId, OrderStatus.RECEIVED, "TEST", "test", "handed to the allocation probe", Map.of());
    }

    /** The end event the instance finished in, waiting for the worker (at most a minute). */
    private String endOf(String processInstance) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            List<HistoricActivityInstance> ends = history.createHistoricActivityInstanceQuery()
                    .processInstanceId(processInstance).activityType("noneEndEvent").list();
            if (!ends.isEmpty()) {
                return ends.get(0).getActivityId();
            }
            sleep();
        }
        throw new AssertionError("process " + processInstance + " did not finish within a minute");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
