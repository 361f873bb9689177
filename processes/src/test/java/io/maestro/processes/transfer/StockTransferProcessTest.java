package io.maestro.processes.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of stock-transfer; the steps stand in as lambdas (the real ones: StockTransferDelegatesTest). */
@Deployment(resources = {"bpmn/stock-transfer.bpmn", "forms/decide-overdue-transfer.form"})
class StockTransferProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    final List<String> calls = new ArrayList<>();
    boolean sourceReleases = true;
    /** Units released: 10; units the receipt reports. */
    long receivedUnits = 10;

    @BeforeEach
    void delegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        register("releaseTransferAtSource", e -> e.setVariable("released", sourceReleases));
        register("recordTransferReceipt", e -> {
            calls.add("receipt " + e.getVariable("receiptEventId"));
            e.setVariable("receivedInFull", receivedUnits == 10);
        });
        register("markTransferOverdue", e -> e.setVariable("inTransit", 10L));
        register("writeOffTransfer", e -> calls.add("note " + e.getVariable("decisionNote")));
        register("keepWaitingForTransfer", e -> { });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aSourceThatCannotReleaseRejectsTheTransfer() {
        sourceReleases = false;
        ProcessInstance pi = start();

        assertThat(pi).isEnded().hasPassed("EndEvent_TransferRejected").hasNotPassed("Gateway_WaitForReceipt");
        assertThat(calls).containsExactly("releaseTransferAtSource");
    }

    @Test
    void everyUnitArrives() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Gateway_WaitForReceipt");

        receive(pi, "wms-1");

        assertThat(pi).isEnded().hasPassed("Task_RecordReceipt", "EndEvent_TransferReceived");
        assertThat(calls).containsExactly("releaseTransferAtSource", "recordTransferReceipt", "receipt wms-1");
    }

    @Test
    void aPartialReceiptEndsShortWithTheRestLost() {
        receivedUnits = 7;
        ProcessInstance pi = start();

        receive(pi, "wms-1");

        assertThat(pi).isEnded().hasPassed("EndEvent_TransferReceivedShort").hasNotPassed("EndEvent_TransferReceived");
    }

    @Test
    void nothingReceivedByTheDeadlineAndAnAnalystWritesItOff() {
        ProcessInstance pi = start();
        assertThat(job("TimerEvent_ReceiptDeadline")).isNotNull();
        execute(job("TimerEvent_ReceiptDeadline"));

        assertThat(task()).hasDefinitionKey("Task_DecideOverdueTransfer").hasCandidateGroup("analyst");
        assertThat(engine.getProcessEngine().getFormService().getTaskFormData(task().getId()).getCamundaFormRef().getKey())
                .isEqualTo("decide-overdue-transfer");
        complete(task(), Map.of("overdueDecision", "WRITE_OFF", "decisionNote", "truck never came"));

        assertThat(pi).isEnded().hasPassed("Task_MarkOverdue", "Task_WriteOffTransfer", "EndEvent_TransferLost");
        assertThat(calls).containsExactly("releaseTransferAtSource", "markTransferOverdue", "writeOffTransfer",
                "note truck never came");
    }

    @Test
    void anAnalystKeepsWaitingAndTheReceiptComesLater() {
        ProcessInstance pi = start();
        execute(job("TimerEvent_ReceiptDeadline"));
        complete(task(), Map.of("overdueDecision", "KEEP_WAITING"));

        assertThat(pi).isWaitingAt("Gateway_WaitForReceipt").hasPassed("Task_KeepWaiting");
        receive(pi, "wms-2");

        assertThat(pi).isEnded().hasPassed("EndEvent_TransferReceived").hasNotPassed("Task_WriteOffTransfer");
    }

    @Test
    void aReceiptWhileAnAnalystDecidesClosesTheTask() {
        ProcessInstance pi = start();
        execute(job("TimerEvent_ReceiptDeadline"));
        assertThat(pi).isWaitingAt("Task_DecideOverdueTransfer");

        receive(pi, "wms-3");

        assertThat(pi).isEnded().hasPassed("BoundaryEvent_ReceivedWhileDeciding", "EndEvent_TransferReceived");
        assertThat(calls).doesNotContain("writeOffTransfer", "keepWaitingForTransfer");
    }

    private ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(TransferStarter.PROCESS,
                Map.of("transferId", "TR-1", "receiptDeadline", "P3D"));
        assertThat(pi).isWaitingAt("StartEvent_TransferApproved");
        execute(job());
        return pi;
    }

    private void receive(ProcessInstance pi, String eventId) {
        runtimeService().createMessageCorrelation(TransferReceiptIntake.MESSAGE)
                .processInstanceVariableEquals("transferId", "TR-1").setVariable("receiptEventId", eventId)
                .correlateWithResult();
        assertThat(pi).isNotNull();
    }

    private void register(String bean, JavaDelegate behaviour) {
        Mocks.register(bean, (JavaDelegate) e -> {
            calls.add(bean);
            behaviour.execute(e);
        });
    }
}
