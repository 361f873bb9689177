package io.maestro.processes.shipment;

import io.maestro.processes.PartnerStepCheck;
import io.maestro.processes.ShipmentIdList;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Every path of {@code shipment-execution} on the in-memory engine with the real DMNs {@code carrier-selection}
 * and {@code shipment-delay}; the delegates are stand-ins that record what was asked of them (they have their own
 * test on a real database: {@link ShipmentExecutionDelegatesTest}).
 */
@Deployment(resources = {"bpmn/shipment-execution.bpmn", "dmn/carrier-selection.dmn", "dmn/shipment-delay.dmn",
        "forms/handle-partner-failure.form"})
class ShipmentExecutionProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private static final String ORDER = "ORD-100001";
    private static final String SHIPMENT = "ORD-100001-t1-1";
    /** What order-fulfillment passes in: the policy DMN fulfillment-policy and node-eligibility decided. */
    private static final Map<String, Object> POLICY = Map.of("promiseDays", 5, "serviceUpgrade", false,
            "costWeight", 0.5, "speedWeight", 1.0, "carbonWeight", 0.2, "maxShipments", 2, "splitAllowed", true,
            "shipFromStoreAllowed", true, "carbonPricePerKg", 0.1, "eligibleNodeTypes", "DC,STORE");

    private final List<String> calls = new ArrayList<>();
    /** Where the process asked for the partner events that came before it waited. */
    private final List<String> handOvers = new ArrayList<>();
    private final Map<String, RuntimeException> failures = new HashMap<>();
    /** Where Task_KeepShipment finds the shipment. */
    private String stands = "AT_NODE";
    /** What the timeline listeners were asked to write. */
    private final List<String> timeline = new ArrayList<>();

    @BeforeEach
    void registerDelegates() {
        register("releaseToNode", e -> e.setVariable("nodeAcceptanceSla", "PT30M"));
        register("recordAcceptance", e -> { });
        register("prepareCarrierChoice", e -> {
            e.setVariable("weightKg", 0.5);
            e.setVariable("hazmat", false);
            e.setVariable("oversize", false);
            e.setVariable("customerTier", "STANDARD");
        });
        register("buyLabel", e -> { });
        register("recordDispatch", e -> { });
        register("recordDelivery", e -> { });
        register("prepareDelayDecision", e -> {
            e.setVariable("delayDays", 4);
            e.setVariable("leftNode", calls.contains("recordDispatch"));
            e.setVariable("customerTier", "STANDARD");
            e.setVariable("deliveryOption", "SHIP");
        });
        register("rePromise", e -> { });
        register("withdrawFromNode", e -> { });
        register("recordRejection", e -> {
            e.setVariable("rejectedShipmentId", e.getVariable("shipmentId"));
            e.setVariable("rejectionReason", e.getVariable("rejectionCause") + ": test");
            e.setVariable("excludedNodes", "DC-BKN");
        });
        register("prepareStockWait", e -> e.setVariable("backorderRetry", "PT1H"));
        register("cancelShipment", e -> { });
        register("keepShipment", e -> e.setVariable("shipmentStands", stands));
        Mocks.register("ids", new ShipmentIdList());
        Mocks.register("orderPolicyForReallocation", new OrderPolicyForReallocation());
        Mocks.register("partnerEventHandOver", (ExecutionListener) e -> handOvers.add(e.getCurrentActivityId()));
        Mocks.register("recordPartnerFailure", (ExecutionListener) e -> timeline.add("failure at " + e.getCurrentActivityId()));
        Mocks.register("recordPartnerRefusal", (ExecutionListener) e -> timeline.add("refusal at " + e.getCurrentActivityId()));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void happyPathReleasesBuysTheDecidedLabelAndEndsDelivered() {
        ProcessInstance shipment = start(SHIPMENT);

        deliver(shipment);

        assertThat(shipment).hasPassedInOrder("Task_ReleaseToNode", "Task_RecordAcceptance",
                "Task_PrepareCarrierChoice", "Task_SelectCarrier", "Task_BuyLabel", "Task_RecordDispatch",
                "Task_RecordDelivery").isEnded();
        assertThat(shipment).hasPassed("EndEvent_ShipmentDelivered");
        assertThat(variable(shipment, "allowedCarrier")).as("any carrier: the plan priced them all").isEqualTo("ANY");
        assertThat(variable(shipment, "minimumService")).isEqualTo("GROUND");
        assertThat(variable(shipment, "freeUpgrade")).isEqualTo(false);
        assertThat(handOvers).as("every wait for a partner message takes the events that came early")
                .containsExactly("Gateway_NodeAnswer", "Gateway_DispatchOrShort", "Event_ShipmentDelivered");
    }

    @Test
    void aRejectionByTheNodeReroutesTheLinesAndExecutesTheNewShipment() {
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);

        correlate("ShipmentRejected", SHIPMENT, Map.of("reason", "aisle flooded"));

        assertThat(shipment).hasPassed("Task_RecordRejection").hasNotPassed("Task_WithdrawFromNode");
        assertThat(variable(shipment, "rejectionCause")).isEqualTo("NODE_REJECTED");
        LockedExternalTask reallocation = fetchReallocation();
        assertThat(reallocation.getVariables()).containsEntry("rejectedShipmentId", SHIPMENT)
                .containsEntry("rejectionReason", "NODE_REJECTED: test")
                .containsEntry("costWeight", 0.5).containsEntry("eligibleNodeTypes", "DC,STORE");
        externalTaskService().complete(reallocation.getId(), "test", Map.of("shipmentIds", "ORD-100001-t2-1"));

        ProcessInstance rerouted = child(shipment, "ORD-100001-t2-1");
        assertThat(rerouted.getBusinessKey()).isEqualTo(ORDER);
        assertThat(variables(rerouted)).as("the promise and the nodes to avoid, nothing of the rejected one; "
                        + "the policy stays with the order")
                .containsEntry("promiseDays", 5).containsEntry("excludedNodes", "DC-BKN")
                .doesNotContainKeys("reason", "rejectionCause", "rejectedShipmentId", "nodeAcceptanceSla",
                        "costWeight", "eligibleNodeTypes");
        deliver(rerouted);
        assertThat(shipment).hasPassed("CallActivity_ExecuteReroutedShipments", "EndEvent_Rerouted").isEnded();
    }

    @Test
    void aReroutedShipmentThatIsRejectedAgainIsReallocatedUnderTheOrdersPolicy() {
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);
        correlate("ShipmentRejected", SHIPMENT, Map.of("reason", "aisle flooded"));
        externalTaskService().complete(fetchReallocation().getId(), "test", Map.of("shipmentIds", "ORD-100001-t2-1"));
        ProcessInstance rerouted = child(shipment, "ORD-100001-t2-1");
        runJobs(rerouted);

        correlate("ShipmentRejected", "ORD-100001-t2-1", Map.of("reason", "no staff"));

        assertThat(fetchReallocation().getVariables()).as("read from the instance the order started with")
                .containsEntry("rejectedShipmentId", "ORD-100001-t2-1").containsEntry("costWeight", 0.5)
                .containsEntry("speedWeight", 1.0).containsEntry("carbonWeight", 0.2).containsEntry("maxShipments", 2)
                .containsEntry("splitAllowed", true).containsEntry("shipFromStoreAllowed", true)
                .containsEntry("carbonPricePerKg", 0.1).containsEntry("eligibleNodeTypes", "DC,STORE");
    }

    @Test
    void aShortPickReportedBeforeAcceptanceWithdrawsAndReroutes() {
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);

        correlate("ShipmentShortPicked", SHIPMENT, Map.of("reason", "2 units missing"));
        runJobs(shipment);

        assertThat(shipment).hasPassedInOrder("Task_WithdrawFromNode", "Task_RecordRejection")
                .isWaitingAt("Task_Reallocate");
        assertThat(variable(shipment, "rejectionCause")).isEqualTo("SHORT_PICKED");
    }

    @Test
    void aNodeSilentPastItsAcceptanceSlaIsWithdrawnAndRerouted() {
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);
        Job sla = managementService().createJobQuery().processInstanceId(shipment.getId()).timers().singleResult();
        assertThat(sla.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + 29 * 60_000));

        managementService().executeJob(sla.getId());
        runJobs(shipment);

        assertThat(shipment).hasPassed("Event_NodeAcceptanceTimeout", "Task_WithdrawFromNode", "Task_RecordRejection")
                .isWaitingAt("Task_Reallocate");
        assertThat(variable(shipment, "rejectionCause")).isEqualTo("SLA_TIMEOUT");
    }

    @Test
    void anInfeasibleRerouteWaitsForStockAndTriesAgainWhenItArrives() {
        ProcessInstance shipment = rejectedAndReallocating();
        LockedExternalTask first = fetchReallocation();
        externalTaskService().handleBpmnError(first.getId(), "test", "NoFeasibleAllocation", "no node has SKU-1",
                Map.of("allocationFailureReason", "no node has SKU-1"));

        assertThat(shipment).hasPassed("Task_PrepareStockWait").isWaitingAt("Gateway_StockOrRetry");
        runtimeService().createMessageCorrelation("InventoryAvailable").processInstanceId(shipment.getId())
                .setVariable("replenishedSkus", "SKU-1").correlate();

        assertThat(shipment).isWaitingAt("Task_Reallocate");
        externalTaskService().complete(fetchReallocation().getId(), "test", Map.of("shipmentIds", "ORD-100001-t3-1"));
        assertThat(child(shipment, "ORD-100001-t3-1")).isNotNull();
    }

    @Test
    void anInfeasibleRerouteTriesAgainAfterTheConfiguredTimeWithoutStock() {
        ProcessInstance shipment = rejectedAndReallocating();
        externalTaskService().handleBpmnError(fetchReallocation().getId(), "test", "NoFeasibleAllocation", "none");
        Job retry = managementService().createJobQuery().processInstanceId(shipment.getId()).timers().singleResult();

        managementService().executeJob(retry.getId());

        assertThat(shipment).hasPassed("Event_BackorderRetry").isWaitingAt("Task_Reallocate");
    }

    @Test
    void aDelayInTransitRePromisesAndKeepsWaitingForDelivery() {
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);
        correlate("ShipmentAccepted", SHIPMENT, Map.of());
        runJobs(shipment);
        correlate("ShipmentDispatched", SHIPMENT, Map.of("trackingNumber", "TRK-1", "carrier", "SWIFT"));

        correlate("ShipmentDelayed", SHIPMENT, Map.of("newEstimatedDelivery", "2030-01-09", "reason", "storm"));
        runJobs(shipment);

        assertThat(shipment).hasPassed("Task_DecideDelay", "Task_RePromise", "EndEvent_RePromised")
                .isWaitingAt("Event_ShipmentDelivered");
        assertThat(variable(shipment, "delayAction")).as("the parcel has left: only a new date").isEqualTo("RE_PROMISE");
        assertThat(variable(shipment, "notifyCustomer")).isEqualTo(true);
        correlate("ShipmentDelivered", SHIPMENT, Map.of());
        assertThat(shipment).hasPassed("EndEvent_ShipmentDelivered").isEnded();
    }

    @Test
    void aLongDelayBeforeDispatchWithdrawsAndReroutes() {
        ProcessInstance shipment = labelled();

        correlate("ShipmentDelayed", SHIPMENT, Map.of("newEstimatedDelivery", "2030-01-09", "reason", "backlog"));
        runJobs(shipment);

        assertThat(variable(shipment, "delayAction")).isEqualTo("REROUTE");
        assertThat(shipment).hasPassed("EndEvent_DelayReroute", "BoundaryEvent_DelayReroute", "Task_WithdrawFromNode",
                "Task_RecordRejection").hasNotPassed("Task_RePromise").isWaitingAt("Task_Reallocate");
        assertThat(variable(shipment, "rejectionCause")).isEqualTo("DELAYED");
    }

    @Test
    void aShortPickAfterTheLabelButBeforeDispatchReroutes() {
        ProcessInstance shipment = labelled();

        correlate("ShipmentShortPicked", SHIPMENT, Map.of("reason", "damaged in picking"));
        runJobs(shipment);

        assertThat(shipment).hasPassed("EndEvent_ShortPickedBeforeDispatch", "BoundaryEvent_ShortPickedBeforeDispatch",
                "Task_WithdrawFromNode").isWaitingAt("Task_Reallocate");
        assertThat(variable(shipment, "rejectionCause")).isEqualTo("SHORT_PICKED");
    }

    @Test
    void aNodeDownAfterRetriesGoesToAnOperatorWhoRetriesTheRelease() {
        failures.put("releaseToNode", new BpmnError("PartnerFailure", "DC-BKN unavailable: connection refused"));
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);

        assertThat(shipment).isWaitingAt("Task_HandlePartnerFailure");
        Task operatorTask = task(shipment);
        assertThat(operatorTask).hasCandidateGroup("operator");
        assertThat(formService().getDeployedTaskForm(operatorTask.getId())).isNotNull();
        assertThat(variable(shipment, "partnerError")).isEqualTo("DC-BKN unavailable: connection refused");
        assertThat(timeline).as("the order's timeline says the node stayed down").containsExactly(
                "failure at Task_HandlePartnerFailure");

        failures.clear();
        complete(operatorTask, withVariables("operatorChoice", "RETRY", "operatorComment", "node is back"));
        runJobs(shipment);

        assertThat(shipment).hasPassed("Gateway_RetryStep").isWaitingAt("Gateway_NodeAnswer");
        assertThat(calls.stream().filter("releaseToNode"::equals)).hasSize(2);
    }

    @Test
    void aReleaseTheNodeRefusesIsHandledLikeARejectionWithoutRetries() {
        failures.put("releaseToNode", new BpmnError("PartnerRefused", "node DC-BKN refused (422): unknown SKU"));
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);

        assertThat(shipment).hasPassed("BoundaryEvent_ReleaseRefused", "Task_RecordRejection").isWaitingAt("Task_Reallocate");
        assertThat(calls.stream().filter("releaseToNode"::equals)).hasSize(1);
        assertThat(variable(shipment, "rejectionCause")).isEqualTo("NODE_REFUSED");
        assertThat(variable(shipment, "partnerError")).isEqualTo("node DC-BKN refused (422): unknown SKU");
        assertThat(timeline).containsExactly("refusal at BoundaryEvent_ReleaseRefused");
    }

    @Test
    void aLabelTheCarrierRefusesGoesToAnOperatorAtOnceAndOnTheTimeline() {
        failures.put("buyLabel", new BpmnError("PartnerRefused", "carrier SWIFT refused (400): no such service"));
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);
        correlate("ShipmentAccepted", SHIPMENT, Map.of());
        runJobs(shipment);

        assertThat(shipment).hasPassed("BoundaryEvent_LabelRefused").isWaitingAt("Task_HandlePartnerFailure");
        assertThat(timeline).containsExactly("refusal at BoundaryEvent_LabelRefused", "failure at Task_HandlePartnerFailure");
        failures.clear();
        complete(task(shipment), withVariables("operatorChoice", "RETRY", "operatorComment", "service fixed"));
        runJobs(shipment);
        assertThat(shipment).isWaitingAt("Gateway_DispatchOrShort");
    }

    @Test
    void aWithdrawalTheNodeRefusesGoesToAnOperatorWhoRetriesIt() {
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);
        failures.put("withdrawFromNode", new BpmnError("PartnerRefused", "node DC-BKN refused (409): it has left DC-BKN"));
        correlate("ShipmentShortPicked", SHIPMENT, Map.of("reason", "bin empty"));
        runJobs(shipment);

        assertThat(shipment).hasPassed("BoundaryEvent_WithdrawRefused").isWaitingAt("Task_HandlePartnerFailure");
        assertThat(timeline).containsExactly("refusal at BoundaryEvent_WithdrawRefused", "failure at Task_HandlePartnerFailure");
        failures.clear();
        complete(task(shipment), withVariables("operatorChoice", "RETRY", "operatorComment", "the node found it"));
        runJobs(shipment);

        assertThat(shipment).hasPassed("Gateway_RetryStep", "Task_RecordRejection").isWaitingAt("Task_Reallocate");
        assertThat(calls.stream().filter("withdrawFromNode"::equals)).as("withdrawn again, not labelled").hasSize(2);
        assertThat(calls).doesNotContain("buyLabel");
    }

    @Test
    void aNodeDownDuringAWithdrawalGoesToAnOperator() {
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);
        failures.put("withdrawFromNode", new BpmnError("PartnerFailure", "DC-BKN unavailable: connection refused"));
        correlate("ShipmentShortPicked", SHIPMENT, Map.of("reason", "bin empty"));
        runJobs(shipment);

        assertThat(shipment).hasPassed("BoundaryEvent_WithdrawFailed").isWaitingAt("Task_HandlePartnerFailure");
        assertThat(variable(shipment, "partnerError")).isEqualTo("DC-BKN unavailable: connection refused");
    }

    @Test
    void carriersDownAfterRetriesGoToAnOperatorWhoRetriesTheLabel() {
        failures.put("buyLabel", new BpmnError("PartnerFailure", "carriers unavailable"));
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);
        correlate("ShipmentAccepted", SHIPMENT, Map.of());
        runJobs(shipment);
        assertThat(shipment).isWaitingAt("Task_HandlePartnerFailure");

        failures.clear();
        complete(task(shipment), withVariables("operatorChoice", "RETRY", "operatorComment", "carrier is back"));
        runJobs(shipment);

        assertThat(shipment).isWaitingAt("Gateway_DispatchOrShort");
        assertThat(calls.stream().filter("buyLabel"::equals)).hasSize(2);
    }

    @Test
    void aShipmentOfAHeldOrderWaitsForTheReleaseOfTheHoldLookingAgainEveryMinuteThenIsReleased() {
        failures.put("releaseToNode", new BpmnError("OrderHeld", "order ORD-100001 is held"));
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);
        assertThat(shipment).isWaitingAt("Task_AwaitReleaseBeforeNode");

        Job recheck = managementService().createJobQuery().processInstanceId(shipment.getId()).timers().singleResult();
        managementService().executeJob(recheck.getId());
        runJobs(shipment);
        assertThat(shipment).hasPassed("BoundaryEvent_RecheckHoldBeforeNode").isWaitingAt("Task_AwaitReleaseBeforeNode");

        failures.remove("releaseToNode");
        runtimeService().createMessageCorrelation("OrderHoldReleased").processInstanceBusinessKey(ORDER).correlateAll();
        deliver(shipment);

        assertThat(shipment).hasPassed("BoundaryEvent_OrderHeld", "Task_AwaitReleaseBeforeNode", "Task_RecordDelivery")
                .isEnded();
        assertThat(calls.stream().filter("releaseToNode"::equals)).as("held twice, then released").hasSize(3);
    }

    @Test
    void aShipmentClosedBeforeItsReleaseEndsWithoutCallingTheNode() {
        failures.put("releaseToNode", new BpmnError(PartnerStepCheck.SHIPMENT_CLOSED, "the shipment is CANCELLED"));
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);

        assertThat(shipment).hasPassed("BoundaryEvent_ReleaseNotNeeded", "EndEvent_ShipmentNotReleased")
                .hasNotPassed("Task_HandlePartnerFailure").isEnded();
    }

    @Test
    void aShipmentClosedBeforeItsLabelEndsWithoutBuyingOne() {
        failures.put("buyLabel", new BpmnError(PartnerStepCheck.SHIPMENT_CLOSED, "the shipment is REJECTED"));
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);
        correlate("ShipmentAccepted", SHIPMENT, Map.of());
        runJobs(shipment);

        assertThat(shipment).hasPassed("BoundaryEvent_LabelNotNeeded", "EndEvent_ShipmentNotLabelled")
                .hasNotPassed("SubProcess_Tracking").isEnded();
    }

    @Test
    void anOperatorMayRerouteAfterAPartnerFailure() {
        failures.put("releaseToNode", new BpmnError("PartnerFailure", "DC-BKN unavailable"));
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);

        complete(task(shipment), withVariables("operatorChoice", "REROUTE", "operatorComment", "node closed today"));
        runJobs(shipment);

        assertThat(shipment).hasPassed("Task_WithdrawFromNode", "Task_RecordRejection").isWaitingAt("Task_Reallocate");
        assertThat(variable(shipment, "rejectionCause")).isEqualTo("OPERATOR_REROUTE");
    }

    @Test
    void anOperatorMayCancelTheShipmentAfterAPartnerFailure() {
        failures.put("releaseToNode", new BpmnError("PartnerFailure", "DC-BKN unavailable"));
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);

        complete(task(shipment), withVariables("operatorChoice", "CANCEL_SHIPMENT", "operatorComment", "customer agreed"));
        runJobs(shipment);

        assertThat(shipment).hasPassed("Task_CancelShipment", "EndEvent_ShipmentCancelled").isEnded();
    }

    @Test
    void aCancelTheNodeRefusesAfterTheLabelKeepsTheShipmentTrackedToDelivery() {
        ProcessInstance shipment = labelled();
        failures.put("withdrawFromNode", new BpmnError("PartnerFailure", "DC-BKN unavailable"));
        correlate("ShipmentShortPicked", SHIPMENT, Map.of("reason", "bin empty"));
        runJobs(shipment);
        assertThat(shipment).isWaitingAt("Task_HandlePartnerFailure");
        failures.put("cancelShipment", new BpmnError("PartnerRefused", "node DC-BKN refused (409): it has left DC-BKN"));
        stands = "LABELLED";

        complete(task(shipment), withVariables("operatorChoice", "CANCEL_SHIPMENT", "operatorComment", "customer asked"));
        runJobs(shipment);

        assertThat(shipment).hasPassed("BoundaryEvent_CancelRefused", "Task_KeepShipment", "Gateway_ShipmentStands")
                .hasNotPassed("EndEvent_ShipmentCancelled").isWaitingAt("Gateway_DispatchOrShort");
        assertThat(timeline).containsExactly("failure at Task_HandlePartnerFailure", "refusal at BoundaryEvent_CancelRefused");
        assertThat(calls.stream().filter("buyLabel"::equals)).as("the label it has is kept").hasSize(1);
        correlate("ShipmentDispatched", SHIPMENT, Map.of("trackingNumber", "TRK-1", "carrier", "GREENLINE"));
        correlate("ShipmentDelivered", SHIPMENT, Map.of());
        assertThat(shipment).hasPassed("Task_RecordDelivery").isEnded();
    }

    @Test
    void aCancelTheNodeRefusesOnceItAcceptedBuysTheLabelItStillNeeds() {
        failures.put("buyLabel", new BpmnError("PartnerFailure", "carriers unavailable"));
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);
        correlate("ShipmentAccepted", SHIPMENT, Map.of());
        runJobs(shipment);
        assertThat(shipment).isWaitingAt("Task_HandlePartnerFailure");
        failures.clear();
        failures.put("cancelShipment", new BpmnError("PartnerRefused", "node DC-BKN refused (409): already packed"));
        stands = "ACCEPTED";

        complete(task(shipment), withVariables("operatorChoice", "CANCEL_SHIPMENT", "operatorComment", "no carrier today"));
        runJobs(shipment);

        assertThat(shipment).hasPassed("Task_KeepShipment", "Task_PrepareCarrierChoice")
                .hasNotPassed("EndEvent_ShipmentCancelled").isWaitingAt("Gateway_DispatchOrShort");
        assertThat(calls.stream().filter("buyLabel"::equals)).hasSize(2);
    }

    @Test
    void aCancelTheNodeRefusesBeforeItAcceptedWaitsForTheNodesAnswerAgain() {
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);
        failures.put("withdrawFromNode", new BpmnError("PartnerFailure", "DC-BKN unavailable"));
        correlate("ShipmentShortPicked", SHIPMENT, Map.of("reason", "bin empty"));
        runJobs(shipment);
        failures.clear();
        failures.put("cancelShipment", new BpmnError("PartnerRefused", "node DC-BKN refused (409): already picked"));

        complete(task(shipment), withVariables("operatorChoice", "CANCEL_SHIPMENT", "operatorComment", "give up"));
        runJobs(shipment);

        assertThat(shipment).hasPassed("Task_KeepShipment").isWaitingAt("Gateway_NodeAnswer");
        assertThat(variable(shipment, "partnerError")).isEqualTo("node DC-BKN refused (409): already picked");
        failures.clear();
        deliver(shipment);
        assertThat(shipment).isEnded();
    }

    @Test
    void aCancelWhileTheNodeIsUnreachableIsTriedAgainWithoutEnd() {
        failures.put("releaseToNode", new BpmnError("PartnerFailure", "DC-BKN unavailable"));
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);
        failures.put("cancelShipment", new IllegalStateException("DC-BKN unavailable: connection refused"));
        complete(task(shipment), withVariables("operatorChoice", "CANCEL_SHIPMENT", "operatorComment", "customer agreed"));

        Job cancel = managementService().createJobQuery().processInstanceId(shipment.getId()).activityId("Task_CancelShipment")
                .singleResult();
        for (int attempt = 0; attempt < 8; attempt++) {
            try {
                managementService().executeJob(cancel.getId());
            } catch (IllegalStateException expected) {
                // the node is still down: the job fails and is tried again later
            }
        }
        Job failed = managementService().createJobQuery().jobId(cancel.getId()).singleResult();
        assertThat(failed.getRetries()).as("open-ended: R/PT1M").isGreaterThan(1_000_000);
        assertThat(failed.getDuedate()).isAfter(new java.util.Date());
        assertThat(runtimeService().createIncidentQuery().processInstanceId(shipment.getId()).count()).isZero();

        failures.clear();
        managementService().executeJob(cancel.getId());
        assertThat(shipment).hasPassed("Task_CancelShipment", "EndEvent_ShipmentCancelled").isEnded();
    }

    private ProcessInstance rejectedAndReallocating() {
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);
        correlate("ShipmentRejected", SHIPMENT, Map.of("reason", "closed"));
        assertThat(shipment).isWaitingAt("Task_Reallocate");
        return shipment;
    }

    /** Released, accepted, labelled: waiting for dispatch. */
    private ProcessInstance labelled() {
        ProcessInstance shipment = start(SHIPMENT);
        runJobs(shipment);
        correlate("ShipmentAccepted", SHIPMENT, Map.of());
        runJobs(shipment);
        assertThat(shipment).isWaitingAt("Gateway_DispatchOrShort");
        return shipment;
    }

    private void deliver(ProcessInstance shipment) {
        String shipmentId = (String) variable(shipment, "shipmentId");
        runJobs(shipment);
        assertThat(shipment).isWaitingAt("Gateway_NodeAnswer");
        correlate("ShipmentAccepted", shipmentId, Map.of());
        runJobs(shipment);
        assertThat(shipment).isWaitingAt("Gateway_DispatchOrShort");
        correlate("ShipmentDispatched", shipmentId, Map.of("trackingNumber", "TRK-1", "carrier", "GREENLINE"));
        assertThat(shipment).isWaitingAt("Event_ShipmentDelivered");
        correlate("ShipmentDelivered", shipmentId, Map.of());
    }

    private ProcessInstance start(String shipmentId) {
        Map<String, Object> variables = new HashMap<>(POLICY);
        variables.put("shipmentId", shipmentId);
        return runtimeService().startProcessInstanceByKey("shipment-execution", ORDER, variables);
    }

    /** The message as PartnerEventCorrelator sends it: business key and the shipment the event names. */
    private void correlate(String message, String shipmentId, Map<String, Object> payload) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(ORDER)
                .processInstanceVariableEquals("shipmentId", shipmentId).setVariables(payload).correlate();
    }

    /** Runs the due asynchronous continuations (not timers) until the instance waits. */
    private void runJobs(ProcessInstance instance) {
        for (int i = 0; i < 20; i++) {
            List<Job> due = managementService().createJobQuery().processInstanceId(instance.getId()).executable()
                    .messages().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService().executeJob(job.getId()));
        }
    }

    private LockedExternalTask fetchReallocation() {
        List<LockedExternalTask> tasks = externalTaskService().fetchAndLock(1, "test").topic("reallocate-order", 60_000)
                .enableCustomObjectDeserialization().execute();
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private ProcessInstance child(ProcessInstance parent, String shipmentId) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(parent.getId())
                .variableValueEquals("shipmentId", shipmentId).singleResult();
    }

    private static Map<String, Object> variables(ProcessInstance instance) {
        return runtimeService().getVariables(instance.getId());
    }

    private static Object variable(ProcessInstance instance, String name) {
        return historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).list().stream().reduce((a, b) -> b).map(v -> v.getValue()).orElse(null);
    }

    private void register(String bean, JavaDelegate behaviour) {
        Mocks.register(bean, (JavaDelegate) execution -> {
            calls.add(bean);
            RuntimeException failure = failures.get(bean);
            if (failure != null) {
                if (failure instanceof BpmnError) {
                    execution.setVariable("failedStep", switch (bean) {
                        case "buyLabel" -> "LABEL";
                        case "withdrawFromNode" -> "WITHDRAW";
                        default -> "RELEASE";
                    });
                }
                throw failure;
            }
            behaviour.execute(execution);
        });
    }
}
