package io.maestro.processes.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import io.maestro.processes.ShipmentIdList;
import io.maestro.processes.pickup.PartnerFailures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of replenishment; delegates stand in as lambdas (the real ones: ReplenishmentDelegatesTest). */
@Deployment(resources = "bpmn/replenishment.bpmn")
class ReplenishmentProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    /** Proposal id → proposed quantity; within the threshold of 10 it is approved without a person. */
    final Map<String, Integer> proposals = new TreeMap<>();
    /** Proposal id → what the stand-ins did with it. */
    final Map<String, String> outcome = new TreeMap<>();
    final List<String> calls = new ArrayList<>();
    String erpAnswer = "OK";

    @BeforeEach
    void delegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("ids", new ShipmentIdList());
        Mocks.register("replenishment", new ReplenishmentSteps(null) {
            @Override
            public boolean autoApprovable(String proposalId) {
                return proposals.get(proposalId) <= 10;
            }
        });
        register("proposeReplenishment", e -> e.setVariable("proposalIds", String.join(",", proposals.keySet())));
        register("autoApproveProposal", e -> outcome.put(id(e), "AUTO_APPROVED"));
        register("prepareProposalReview", e -> {
            e.setVariable("sku", "TSHIRT-BLK-M");
            e.setVariable("proposedQuantity", (long) proposals.get(id(e)));
        });
        register("recordProposalReview", e -> outcome.put(id(e), e.getVariable("reviewDecision")
                + (e.getVariable("approvedQuantity") == null ? "" : " " + e.getVariable("approvedQuantity"))));
        register("placePurchaseOrder", e -> outcome.merge(id(e), " PLACED", String::concat));
        register("sendPurchaseOrder", e -> {
            switch (erpAnswer) {
                case "DOWN" -> {
                    erpAnswer = "OK";
                    throw new BpmnError(PartnerFailures.ERROR_CODE, "ERP unavailable");
                }
                case "REFUSED" -> throw new BpmnError(PartnerFailures.REFUSED, "422 unknown supplier item");
                default -> outcome.merge(id(e), " SENT", String::concat);
            }
        });
        register("withdrawPurchaseOrder", e -> outcome.merge(id(e), " WITHDRAWN", String::concat));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aNodeWithNothingShortOrdersNothing() {
        ProcessInstance pi = start();

        assertThat(pi).isEnded().hasPassed("EndEvent_NothingToOrder").hasNotPassed("SubProcess_HandleProposal");
        assertThat(calls).containsExactly("proposeReplenishment");
    }

    @Test
    void aSmallProposalIsOrderedWithoutAPersonAndALargeOneAfterAnAnalystApproves() {
        proposals.put("RUN-1-1", 6);
        proposals.put("RUN-1-2", 48);
        ProcessInstance pi = start();

        assertThat(task()).hasCandidateGroup("analyst").hasDefinitionKey("Task_ReviewReplenishment");
        assertThat(engine.getProcessEngine().getFormService().getTaskFormData(task().getId()).getCamundaFormRef().getKey())
                .isEqualTo("review-replenishment");
        assertThat(runtimeService().getVariable(task().getExecutionId(), "proposedQuantity")).isEqualTo(48L);
        complete(task(), Map.of("reviewDecision", "APPROVE", "reviewNote", "fine"));
        sendAll();

        assertThat(pi).isEnded().hasPassed("Task_AutoApprove", "Task_ReviewReplenishment", "EndEvent_PurchaseOrderSent",
                "EndEvent_ReviewDone");
        assertThat(outcome).containsExactly(Map.entry("RUN-1-1", "AUTO_APPROVED PLACED SENT"),
                Map.entry("RUN-1-2", "APPROVE PLACED SENT"));
    }

    @Test
    void anAnalystOrdersAnotherQuantity() {
        proposals.put("RUN-1-1", 48);
        ProcessInstance pi = start();

        complete(task(), Map.of("reviewDecision", "EDIT", "approvedQuantity", 36L));
        sendAll();

        assertThat(pi).isEnded().hasPassed("EndEvent_PurchaseOrderSent");
        assertThat(outcome).containsExactly(Map.entry("RUN-1-1", "EDIT 36 PLACED SENT"));
    }

    @Test
    void eachProposalIsDecidedOnItsOwn() {
        proposals.put("RUN-1-1", 48);
        proposals.put("RUN-1-2", 60);
        ProcessInstance pi = start();

        List<Task> tasks = taskQuery().list();
        assertThat(tasks).hasSize(2);
        for (Task t : tasks) {
            String proposalId = (String) runtimeService().getVariable(t.getExecutionId(), "proposalId");
            complete(t, proposalId.equals("RUN-1-1") ? Map.of("reviewDecision", "REJECT", "reviewNote", "season over")
                    : Map.of("reviewDecision", "EDIT", "approvedQuantity", 24L));
        }
        sendAll();

        assertThat(pi).isEnded().hasPassed("EndEvent_ProposalRejected", "EndEvent_PurchaseOrderSent");
        assertThat(outcome).containsExactly(Map.entry("RUN-1-1", "REJECT"), Map.entry("RUN-1-2", "EDIT 24 PLACED SENT"));
    }

    @Test
    void aPurchaseOrderTheErpRefusesIsWithdrawn() {
        proposals.put("RUN-1-1", 6);
        erpAnswer = "REFUSED";
        ProcessInstance pi = start();
        sendAll();

        assertThat(pi).isEnded().hasPassed("BoundaryEvent_PurchaseOrderRefused", "EndEvent_PurchaseOrderWithdrawn")
                .hasNotPassed("EndEvent_PurchaseOrderSent");
        assertThat(outcome).containsExactly(Map.entry("RUN-1-1", "AUTO_APPROVED PLACED WITHDRAWN"));
    }

    @Test
    void anOperatorRetriesAPurchaseOrderTheErpCouldNotTake() {
        proposals.put("RUN-1-1", 6);
        erpAnswer = "DOWN";
        ProcessInstance pi = start();
        sendAll();

        assertThat(task()).hasCandidateGroup("operator").hasDefinitionKey("Task_HandlePartnerFailure");
        complete(task(), Map.of("operatorChoice", "RETRY"));
        sendAll();

        assertThat(pi).isEnded().hasPassed("BoundaryEvent_ErpDown", "EndEvent_PurchaseOrderSent");
        assertThat(outcome).containsExactly(Map.entry("RUN-1-1", "AUTO_APPROVED PLACED SENT"));
    }

    @Test
    void anOperatorGivesUpOnAnErpThatStaysDown() {
        proposals.put("RUN-1-1", 6);
        erpAnswer = "DOWN";
        ProcessInstance pi = start();
        sendAll();
        complete(task(), Map.of("operatorChoice", "CANCEL_SHIPMENT", "operatorComment", "ordered by phone"));

        assertThat(pi).isEnded().hasPassed("Task_WithdrawPurchaseOrder", "EndEvent_PurchaseOrderWithdrawn");
        assertThat(outcome).containsExactly(Map.entry("RUN-1-1", "AUTO_APPROVED PLACED WITHDRAWN"));
    }

    private ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("replenishment",
                Map.of("nodeId", "DC-BKN", "runId", "RUN-1", "trigger", "ON_DEMAND"));
        assertThat(pi).isWaitingAt("StartEvent_ReviewDue");
        execute(job());
        return pi;
    }

    /** Runs the asynchronous sends that are due. */
    private void sendAll() {
        for (Job j : jobQuery().list()) {
            execute(j);
        }
    }

    private static String id(org.camunda.bpm.engine.delegate.DelegateExecution e) {
        return (String) e.getVariable("proposalId");
    }

    private void register(String bean, JavaDelegate behaviour) {
        Mocks.register(bean, (JavaDelegate) e -> {
            calls.add(bean);
            behaviour.execute(e);
        });
    }
}
