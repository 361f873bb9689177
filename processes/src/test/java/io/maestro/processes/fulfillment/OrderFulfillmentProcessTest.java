package io.maestro.processes.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.maestro.processes.DecisionVariables;
import io.maestro.processes.ShipmentIdList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code order-fulfillment} with the real decisions. Delegates record that they ran (their
 * own behaviour is tested against the database elsewhere); shipment execution and store pickup are stand-ins.
 */
@Deployment(resources = {"bpmn/order-fulfillment.bpmn", "dmn/order-screening.dmn", "dmn/fulfillment-policy.dmn",
    "dmn/node-eligibility.dmn", "dmn/exception-handling.dmn", "forms/review-held-order.form",
    "forms/resolve-allocation-exception.form"})
class OrderFulfillmentProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private final List<String> ran = new ArrayList<>();
    private final List<String> executedShipments = new ArrayList<>();
    private final Holds holds = new Holds();
    private String stubDeployment;

    @BeforeEach
    void stubsAndDelegates() {
        ProcessEngine processEngine = engine.getProcessEngine();
        stubDeployment = processEngine.getRepositoryService().createDeployment()
                .addModelInstance("shipment-execution.bpmn", Bpmn.createExecutableProcess("shipment-execution")
                        .camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask().camundaExpression("${executed.add(shipmentId)}").endEvent().done())
                .addModelInstance("store-pickup.bpmn", Bpmn.createExecutableProcess("store-pickup")
                        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_StubPickup").endEvent().done())
                .deploy().getId();
        Mocks.register("executed", executedShipments);
        Mocks.register("ids", new ShipmentIdList());
        Mocks.register("decisionVariables", new DecisionVariables());
        Mocks.register("orderHolds", holds);
        for (String bean : List.of("loadOrderFacts", "holdOrder", "releaseHeldOrder", "assessShortfall", "backorderOrder",
                "backorderRemainder", "holdForConsolidation", "useChosenNode", "cancelOrder", "applyOrderChange")) {
            Mocks.register(bean, recording(bean));
        }
        Mocks.register("prepareShipments", (JavaDelegate) execution -> {
            ran.add("prepareShipments");
            execution.setVariable("executeShipmentIds", new ShipmentIdList().join(
                    (String) execution.getVariable("heldShipmentIds"), (String) execution.getVariable("shipmentIds")));
            execution.setVariable("heldShipmentIds", "");
        });
        Mocks.register("applyReplannedAllocation", (JavaDelegate) execution -> {
            ran.add("applyReplannedAllocation:" + execution.getVariable("replacedShipmentIds"));
            execution.setVariable("replannedShipmentIds", execution.getVariable("replanAttempt") + "-1");
        });
        Mocks.register("applyStandingDecision", (JavaDelegate) execution -> {
            ran.add("applyStandingDecision");
            ApplyStandingDecision.decide(execution);
        });
        Mocks.register("holdForConsolidation", (JavaDelegate) execution -> {
            ran.add("holdForConsolidation");
            execution.setVariable("heldShipmentIds", execution.getVariable("shipmentIds"));
        });
    }

    @AfterEach
    void removeStubs() {
        engine.getProcessEngine().getRepositoryService().deleteDeployment(stubDeployment, true);
        Mocks.reset();
    }

    @Test
    void anOrderThatPassesScreeningIsAllocatedAndItsShipmentExecuted() {
        ProcessInstance order = start(facts());

        allocated(order, "ORD-1-a-1", 0);

        assertThat(order).hasPassedInOrder("Task_LoadOrderFacts", "Task_ScreenOrder", "Task_DecidePolicy",
                "Task_DecideEligibleNodes", "Task_AllocateOrder", "Task_PrepareShipments", "CallActivity_ExecuteShipments")
                .hasPassed("EndEvent_AllLinesAllocated", "EndEvent_ShipmentsFinished").isEnded();
        assertThat(executedShipments).containsExactly("ORD-1-a-1");
        assertThat(order).variables().containsEntry("promiseDays", 5).containsEntry("splitAllowed", true)
                .containsEntry("eligibleNodeTypes", "DC,THREE_PL,STORE,DROPSHIPPER");
    }

    @Test
    void aSplitPlanExecutesOneShipmentProcessPerShipment() {
        ProcessInstance order = start(facts());

        allocated(order, "ORD-1-a-1,ORD-1-a-2", 0);

        assertThat(executedShipments).containsExactlyInAnyOrder("ORD-1-a-1", "ORD-1-a-2");
        assertThat(order).isEnded();
    }

    @Test
    void aHeldOrderWaitsForAnOperatorWhoReleasesIt() {
        Map<String, Object> facts = facts();
        facts.put("addressMismatch", true);
        ProcessInstance order = start(facts);

        assertThat(order).isWaitingAt("Task_ReviewHeldOrder").task().hasCandidateGroup("operator");
        assertThat(order).variables().containsEntry("holdReason", "The ship-to state does not match the postal code");
        complete(task(order), withVariables("reviewDecision", "RELEASE", "reviewNote", "customer confirmed"));

        allocated(order, "ORD-1-a-1", 0);
        assertThat(ran).containsSubsequence("holdOrder", "releaseHeldOrder", "prepareShipments");
        assertThat(order).isEnded();
    }

    @Test
    void aHeldOrderTheOperatorCancelsEndsCancelled() {
        Map<String, Object> facts = facts();
        facts.put("orderValue", 7500.0);
        ProcessInstance order = start(facts);

        complete(task(order), withVariables("reviewDecision", "CANCEL", "reviewNote", "fraud suspected"));
        execute(job(order));

        assertThat(ran).containsSubsequence("holdOrder", "cancelOrder");
        assertThat(order).hasPassed("EndEvent_OrderCancelled").isEnded();
    }

    @Test
    void aPickupOrderGoesThroughStorePickup() {
        Map<String, Object> facts = facts();
        facts.put("deliveryOption", "BOPIS");
        ProcessInstance order = start(facts);

        assertThat(order).isWaitingAt("CallActivity_StorePickup");
        assertThat(order).variables().containsEntry("eligibleNodeTypes", "STORE").containsEntry("promiseDays", 1);
        ProcessInstance pickup = runtimeService().createProcessInstanceQuery().superProcessInstanceId(order.getId()).singleResult();
        assertThat(pickup.getBusinessKey()).isEqualTo("ORD-1");
        complete(task(pickup));

        assertThat(order).hasPassed("EndEvent_OrderPickedUp").isEnded();
    }

    @Test
    void nothingAllocatableIsBackorderedAndAllocatedAgainWhenStockArrives() {
        ProcessInstance order = start(facts());

        nothingAllocatable(order);
        assertThat(order).isWaitingAt("Gateway_AwaitStock").variables().containsEntry("exceptionAction", "BACKORDER");
        assertThat(ran).contains("assessShortfall", "backorderOrder");

        runtimeService().createMessageCorrelation("InventoryAvailable").processInstanceBusinessKey("ORD-1").correlate();
        allocated(order, "ORD-1-b-1", 0);

        assertThat(order).hasPassed("CatchEvent_InventoryAvailable").isEnded();
    }

    @Test
    void aBackorderedOrderTriesAgainWhenTheRetryTimeIsReached() {
        ProcessInstance order = start(facts());
        nothingAllocatable(order);

        Job timer = engine.getProcessEngine().getManagementService().createJobQuery().timers().singleResult();
        assertThat(timer).isNotNull();
        execute(timer);
        allocated(order, "ORD-1-b-1", 0);

        assertThat(order).hasPassed("CatchEvent_BackorderRetry").isEnded();
    }

    @Test
    void mostUnitsAvailableShipNowAndTheRestWaits() {
        ProcessInstance order = start(facts());

        completeAllocation(order, Map.of("shipmentIds", "ORD-1-a-1", "fullyAllocated", false, "unfilledUnits", 1,
                "fillRate", 0.75, "allocationExplanation", "3 of 4 units"));

        assertThat(order).variables().containsEntry("exceptionAction", "PARTIAL_SHIP");
        assertThat(executedShipments).containsExactly("ORD-1-a-1");
        assertThat(ran).contains("backorderRemainder");
        assertThat(order).isWaitingAt("Gateway_AwaitStock");

        runtimeService().createMessageCorrelation("InventoryAvailable").processInstanceBusinessKey("ORD-1").correlate();
        allocated(order, "ORD-1-b-1", 0);
        assertThat(executedShipments).containsExactly("ORD-1-a-1", "ORD-1-b-1");
        assertThat(order).isEnded();
    }

    @Test
    void aShipCompleteOrderHoldsWhatItHasUntilTheRestArrivesThenShipsTogether() {
        Map<String, Object> facts = facts();
        facts.put("shipComplete", true);
        ProcessInstance order = start(facts);

        completeAllocation(order, Map.of("shipmentIds", "ORD-1-a-1", "fullyAllocated", false, "unfilledUnits", 1,
                "fillRate", 0.5, "allocationExplanation", "1 of 2 units"));
        assertThat(order).variables().containsEntry("exceptionAction", "WAIT_TO_CONSOLIDATE")
                .containsEntry("heldShipmentIds", "ORD-1-a-1");
        assertThat(executedShipments).isEmpty();

        runtimeService().createMessageCorrelation("InventoryAvailable").processInstanceBusinessKey("ORD-1").correlate();
        allocated(order, "ORD-1-b-1", 0);

        assertThat(executedShipments).containsExactlyInAnyOrder("ORD-1-a-1", "ORD-1-b-1");
        assertThat(order).isEnded();
    }

    @Test
    void anEscalatedOrderTheOperatorShipsPartially() {
        ProcessInstance order = escalated();
        complete(task(order), withVariables("operatorDecision", "SHIP_PARTIAL", "operatorNote", "customer agreed"));

        assertThat(executedShipments).containsExactly("ORD-1-a-1");
        assertThat(order).isWaitingAt("Gateway_AwaitStock");
    }

    @Test
    void theOperatorsShipWhatIsAvailableStandsWhenTheSameShortfallComesBackAfterMoreStock() {
        ProcessInstance order = escalated();
        complete(task(order), withVariables("operatorDecision", "SHIP_PARTIAL", "operatorNote", "ship, rest later"));
        assertThat(order).isWaitingAt("Gateway_AwaitStock").variables()
                .containsEntry("answeredEscalation", "A VIP order is still short after 3 backorders");

        runtimeService().createMessageCorrelation("InventoryAvailable").processInstanceBusinessKey("ORD-1").correlate();
        completeAllocation(order, Map.of("shipmentIds", "ORD-1-b-1", "fullyAllocated", false, "unfilledUnits", 2,
                "fillRate", 0.1, "allocationExplanation", "Olean: 1 more unit"));

        assertThat(order).hasPassed("Task_ApplyStandingDecision").isWaitingAt("Gateway_AwaitStock");
        assertThat(taskService().createTaskQuery().processInstanceId(order.getId()).count())
                .as("not put to a person again").isZero();
        assertThat(executedShipments).containsExactly("ORD-1-a-1", "ORD-1-b-1");
        assertThat(order).variables().containsEntry("exceptionAction", "PARTIAL_SHIP");
    }

    @Test
    void theOperatorsBackorderStandsAtTheNextRetryWhenNothingCameIn() {
        ProcessInstance order = escalated();
        complete(task(order), withVariables("operatorDecision", "BACKORDER", "operatorNote", "stock due Friday"));

        execute(engine.getProcessEngine().getManagementService().createJobQuery().timers().singleResult());
        nothingAllocatable(order);

        assertThat(order).hasPassed("Task_ApplyStandingDecision").isWaitingAt("Gateway_AwaitStock")
                .variables().containsEntry("exceptionAction", "BACKORDER");
        assertThat(taskService().createTaskQuery().processInstanceId(order.getId()).count()).isZero();
        assertThat(ran.stream().filter("backorderOrder"::equals)).hasSize(2);
    }

    @Test
    void aShortfallEscalatedForAnotherReasonGoesToAPersonAgain() {
        ProcessInstance order = escalated();
        complete(task(order), withVariables("operatorDecision", "SHIP_PARTIAL", "operatorNote", "ship, rest later"));
        runtimeService().setVariable(order.getId(), "answeredEscalation", "An order of 1,000 or more is still short after 3 backorders");

        runtimeService().createMessageCorrelation("InventoryAvailable").processInstanceBusinessKey("ORD-1").correlate();
        completeAllocation(order, Map.of("shipmentIds", "ORD-1-b-1", "fullyAllocated", false, "unfilledUnits", 2,
                "fillRate", 0.1, "allocationExplanation", "Olean: 1 more unit"));

        assertThat(order).isWaitingAt("Task_ResolveAllocationException");
        assertThat(ran).doesNotContain("applyStandingDecision");
    }

    @Test
    void anEscalatedOrderTheOperatorBackorders() {
        ProcessInstance order = escalated();
        complete(task(order), withVariables("operatorDecision", "BACKORDER", "operatorNote", "stock due Friday"));

        assertThat(ran).contains("backorderOrder");
        assertThat(order).isWaitingAt("Gateway_AwaitStock");
    }

    @Test
    void anEscalatedOrderTheOperatorSourcesFromAChosenNode() {
        ProcessInstance order = escalated();
        complete(task(order), withVariables("operatorDecision", "USE_NODE", "chosenNodeId", "DC-OLEAN",
                "operatorNote", "Olean has it in returns"));

        assertThat(ran).contains("useChosenNode");
        allocated(order, "ORD-1-c-1", 0);
        assertThat(executedShipments).contains("ORD-1-c-1");
    }

    @Test
    void anEscalatedOrderTheOperatorCancels() {
        ProcessInstance order = escalated();
        complete(task(order), withVariables("operatorDecision", "CANCEL", "operatorNote", "customer withdrew"));
        execute(job(order));

        assertThat(ran).contains("cancelOrder");
        assertThat(order).hasPassed("EndEvent_OrderCancelled").isEnded();
    }

    @Test
    void anOrderStillShortAfterFiveBackordersIsCancelled() {
        Map<String, Object> facts = facts();
        facts.put("backorderAttempts", 5);
        ProcessInstance order = start(facts);

        nothingAllocatable(order);
        assertThat(order).variables().containsEntry("exceptionAction", "CANCEL");
        execute(job(order));

        assertThat(order).hasPassed("Task_CancelOrder", "EndEvent_OrderCancelled").isEnded();
    }

    @Test
    void aCancelAfterPartOfTheOrderWentAheadStopsItsShipmentsStillRunning() {
        String waiting = engine.getProcessEngine().getRepositoryService().createDeployment()
                .addModelInstance("shipment-execution.bpmn", Bpmn.createExecutableProcess("shipment-execution")
                        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_StubTracking").endEvent().done())
                .deploy().getId();
        try {
            ProcessInstance order = start(facts());
            completeAllocation(order, Map.of("shipmentIds", "ORD-1-a-1", "fullyAllocated", false, "unfilledUnits", 1,
                    "fillRate", 0.75, "allocationExplanation", "3 of 4 units"));
            assertThat(order).isWaitingAt("Gateway_AwaitStock");
            runtimeService().setVariable(order.getId(), "backorderAttempts", 5);
            runtimeService().createMessageCorrelation("InventoryAvailable").processInstanceBusinessKey("ORD-1").correlate();

            nothingAllocatable(order);
            assertThat(order).variables().containsEntry("exceptionAction", "CANCEL");
            execute(job(order));

            assertThat(order).hasPassed("Task_CancelOrder", "EndEvent_OrderCancelled").isEnded();
            assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("shipment-execution").count())
                    .as("the shipment that went ahead is stopped with the order; CancelOrder starts a process of its own "
                            + "for a shipment that goes on").isZero();
        } finally {
            engine.getProcessEngine().getRepositoryService().deleteDeployment(waiting, true);
        }
    }

    @Test
    void aCancelRequestStopsTheOrderWhereverItIs() {
        ProcessInstance order = start(facts());
        assertThat(order).isWaitingAt("Task_AllocateOrder");

        runtimeService().createMessageCorrelation("OrderCancelRequested").processInstanceBusinessKey("ORD-1")
                .setVariable("cancelReason", "customer changed their mind").correlate();
        execute(job(order));

        assertThat(ran).contains("cancelOrder");
        assertThat(order).hasPassed("EndEvent_CancelledOnRequest").isEnded();
    }

    @Test
    void anAddressChangeIsAppliedWhileTheOrderGoesOn() {
        ProcessInstance order = start(facts());

        runtimeService().createMessageCorrelation("OrderChangeRequested").processInstanceBusinessKey("ORD-1")
                .setVariable("newShipToPostalCode", "14760").correlate();

        assertThat(ran).contains("applyOrderChange");
        assertThat(order).hasPassed("EndEvent_OrderChanged").isWaitingAt("Task_AllocateOrder");
        allocated(order, "ORD-1-a-1", 0);
        assertThat(order).isEnded();
    }

    @Test
    void aWaveReplanWithdrawsThePlannedShipmentAndExecutesTheNewOnesInTheOrdersProcess() {
        String waiting = engine.getProcessEngine().getRepositoryService().createDeployment()
                .addModelInstance("shipment-execution.bpmn", Bpmn.createExecutableProcess("shipment-execution")
                        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_StubShipment").endEvent().done())
                .deploy().getId();
        try {
            ProcessInstance order = start(facts());
            allocated(order, "ORD-1-a-1", 0);
            assertThat(order).isWaitingAt("CallActivity_ExecuteShipments");

            runtimeService().createMessageCorrelation("AllocationReplanned").processInstanceBusinessKey("ORD-1")
                    .setVariables(Map.of("replanAttempt", "ORD-1-wave1", "replacedShipmentIds", "ORD-1-a-1")).correlate();

            assertThat(ran).contains("applyReplannedAllocation:ORD-1-a-1");
            assertThat(order).hasPassed("StartEvent_AllocationReplanned", "Task_ApplyReplannedAllocation")
                    .isWaitingAt("CallActivity_ExecuteShipments", "CallActivity_ExecuteReplannedShipments");
            assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("shipment-execution").list())
                    .extracting(pi -> runtimeService().getVariable(pi.getId(), "shipmentId"))
                    .containsExactlyInAnyOrder("ORD-1-a-1", "ORD-1-wave1-1");

            engine.getProcessEngine().getTaskService().createTaskQuery().taskDefinitionKey("Task_StubShipment").list()
                    .forEach(stub -> complete(stub));
            assertThat(order).hasPassed("EndEvent_ShipmentsFinished", "EndEvent_ReplannedShipmentsFinished").isEnded();
        } finally {
            engine.getProcessEngine().getRepositoryService().deleteDeployment(waiting, true);
        }
    }

    @Test
    void anOperatorsHoldKeepsTheOrderFromAllocatingUntilItIsReleased() {
        holds.held = true;
        ProcessInstance order = start(facts());

        assertThat(order).isWaitingAt("Task_AwaitReleaseBeforeAllocation");
        execute(job(order));
        assertThat(order).isWaitingAt("Task_AwaitReleaseBeforeAllocation").hasPassed("BoundaryEvent_RecheckHoldBeforeAllocation");

        holds.held = false;
        runtimeService().createMessageCorrelation("OrderHoldReleased").processInstanceBusinessKey("ORD-1").correlateAll();
        assertThat(order).isWaitingAt("Task_AllocateOrder");
        allocated(order, "ORD-1-a-1", 0);
        assertThat(executedShipments).containsExactly("ORD-1-a-1");
        assertThat(order).isEnded();
    }

    @Test
    void anOperatorsHoldAfterAllocationKeepsTheShipmentsFromTheNodesUntilItIsReleased() {
        ProcessInstance order = start(facts());
        holds.held = true;

        allocated(order, "ORD-1-a-1", 0);
        assertThat(order).isWaitingAt("Task_AwaitReleaseBeforeShipping");
        assertThat(executedShipments).isEmpty();

        holds.held = false;
        execute(job(order));
        assertThat(order).hasPassed("BoundaryEvent_RecheckHoldBeforeShipping");
        assertThat(executedShipments).containsExactly("ORD-1-a-1");
        assertThat(order).isEnded();
    }

    @Test
    void aReleasedHoldLetsTheHeldShipmentsGoToTheNodes() {
        ProcessInstance order = start(facts());
        holds.held = true;
        allocated(order, "ORD-1-a-1", 0);

        holds.held = false;
        runtimeService().createMessageCorrelation("OrderHoldReleased").processInstanceBusinessKey("ORD-1").correlateAll();

        assertThat(order).hasPassed("Task_AwaitReleaseBeforeShipping").isEnded();
        assertThat(executedShipments).containsExactly("ORD-1-a-1");
    }

    /** Stand-in for {@code orderHolds}: whether an operator holds the order. */
    public static class Holds {
        boolean held;

        public boolean isHeld(String orderId) {
            return held;
        }
    }

    private ProcessInstance escalated() {
        Map<String, Object> facts = facts();
        facts.put("customerTier", "VIP");
        facts.put("backorderAttempts", 3);
        ProcessInstance order = start(facts);
        completeAllocation(order, Map.of("shipmentIds", "ORD-1-a-1", "fullyAllocated", false, "unfilledUnits", 3,
                "fillRate", 0.25, "allocationExplanation", "Olean: lacks 3 units; Brooklyn: +$4.10"));
        assertThat(order).isWaitingAt("Task_ResolveAllocationException").task().hasCandidateGroup("operator");
        return order;
    }

    private ProcessInstance start(Map<String, Object> facts) {
        ProcessInstance order = runtimeService().startProcessInstanceByKey("order-fulfillment", "ORD-1", facts);
        assertThat(order).isWaitingAt("StartEvent_OrderAccepted");
        execute(job(order));
        return order;
    }

    private void allocated(ProcessInstance order, String shipmentIds, int unfilled) {
        completeAllocation(order, Map.of("shipmentIds", shipmentIds, "fullyAllocated", unfilled == 0,
                "unfilledUnits", unfilled, "fillRate", 1.0, "allocationExplanation", "cheapest complete source"));
    }

    private void completeAllocation(ProcessInstance order, Map<String, Object> result) {
        assertThat(order).isWaitingAt("Task_AllocateOrder");
        complete(externalTask(order), result);
    }

    private void nothingAllocatable(ProcessInstance order) {
        assertThat(order).isWaitingAt("Task_AllocateOrder");
        List<LockedExternalTask> locked = engine.getProcessEngine().getExternalTaskService().fetchAndLock(1, "test")
                .topic("allocate-order", 10_000).execute();
        engine.getProcessEngine().getExternalTaskService().handleBpmnError(locked.get(0).getId(), "test",
                "NoFeasibleAllocation", "no node has TSHIRT-BLK-M", Map.of("shipmentIds", "", "fillRate", 0.0,
                        "fullyAllocated", false, "allocationExplanation", "no node has TSHIRT-BLK-M"));
    }

    /** What {@code loadOrderFacts} (and, for the shortfall paths, {@code assessShortfall}) would have set for a plain web order to Brooklyn. */
    private static Map<String, Object> facts() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("orderId", "ORD-1");
        facts.put("channel", "WEB");
        facts.put("customerTier", "STANDARD");
        facts.put("preference", "BALANCED");
        facts.put("deliveryOption", "SHIP");
        facts.put("destinationRegion", "NY");
        facts.put("shipComplete", false);
        facts.put("orderValue", 39.8);
        facts.put("lineCount", 1);
        facts.put("maxLineQuantity", 2);
        facts.put("addressMismatch", false);
        facts.put("backorderAttempts", 0);
        facts.put("heldShipmentIds", "");
        facts.put("excludedNodes", "");
        facts.put("backorderRetry", "PT1H");
        facts.put("situation", "ALLOCATION_SHORT");
        facts.put("daysUntilPromise", 5);
        return facts;
    }

    private JavaDelegate recording(String bean) {
        return execution -> ran.add(bean);
    }
}
