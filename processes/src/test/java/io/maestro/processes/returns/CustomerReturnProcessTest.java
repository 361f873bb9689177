package io.maestro.processes.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import io.maestro.processes.ShipmentIdList;
import io.maestro.processes.pickup.PartnerFailures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

/** Every path of customer-return with the real return-disposition DMN; delegates stand in as lambdas. */
@Deployment(resources = {"bpmn/customer-return.bpmn", "dmn/return-disposition.dmn"})
class CustomerReturnProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    /** Line no → SKU and category of the return under test. */
    final Map<String, String[]> lines = new TreeMap<>();
    /** Line no → disposition carried out. */
    final Map<String, String> carriedOut = new TreeMap<>();
    final List<String> calls = new ArrayList<>();
    boolean erpDown;

    @BeforeEach
    void delegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("ids", new ShipmentIdList());
        register("prepareReturn", e -> {
            e.setVariable("returnLineNos", String.join(",", lines.keySet()));
            e.setVariable("receivingNodeType", "DC");
            e.setVariable("daysSincePurchase", 12);
        });
        register("prepareReturnLine", e -> {
            String[] line = lines.get((String) e.getVariable("returnLineNo"));
            e.setVariable("lineSku", line[0]);
            e.setVariable("lineQuantity", 1);
            e.setVariable("category", line[1]);
        });
        register("recordReturnInspection", e -> { });
        for (String bean : List.of("restockReturnedUnits", "sendToReturnsCentre", "writeOffReturnedUnits")) {
            register(bean, e -> carriedOut.put((String) e.getVariable("returnLineNo"), (String) e.getVariable("disposition")));
        }
        register("requestReturnRefund", e -> {
            if (erpDown) {
                erpDown = false;
                e.setVariable("failedActivity", e.getCurrentActivityId());
                throw new BpmnError(PartnerFailures.ERROR_CODE, "ERP unavailable");
            }
            e.setVariable("refundAmount", "19.90");
        });
        register("completeReturn", e -> { });
        register("closeReturnWithoutRefund", e -> { });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private void register(String bean, JavaDelegate behaviour) {
        Mocks.register(bean, (JavaDelegate) e -> {
            calls.add(bean);
            behaviour.execute(e);
        });
    }

    @Test
    void aResellableItemAtADcIsRestockedAndRefunded() {
        lines.put("1", new String[] {"TSHIRT-BLK-M", "TSHIRTS"});
        ProcessInstance pi = start();

        assertThat(task()).hasCandidateGroup("returns-clerk");
        assertThat(engine.getProcessEngine().getFormService().getTaskFormData(task().getId()).getCamundaFormRef().getKey())
                .isEqualTo("inspect-return");
        complete(task(), Map.of("condition", "RESELLABLE", "inspectionNotes", "tags on"));
        assertThat(pi).isWaitingAt("Task_RequestRefund");
        execute(job());

        assertThat(pi).isEnded().hasPassed("Task_RestockReturnedUnits", "Task_CompleteReturn", "EndEvent_Refunded");
        assertThat(carriedOut).containsExactly(Map.entry("1", "RESTOCK"));
        assertThat(calls).containsSubsequence("prepareReturn", "recordReturnInspection", "restockReturnedUnits",
                "requestReturnRefund", "completeReturn");
    }

    @Test
    void eachLineIsInspectedAndDecidedOnItsOwn() {
        lines.put("1", new String[] {"TSHIRT-BLK-M", "TSHIRTS"});
        lines.put("2", new String[] {"SHOE-RUN-42", "SHOES"});
        ProcessInstance pi = start();

        List<Task> tasks = taskQuery().list();
        assertThat(tasks).hasSize(2);
        for (Task t : tasks) {
            String lineNo = (String) runtimeService().getVariable(t.getExecutionId(), "returnLineNo");
            complete(t, Map.of("condition", lineNo.equals("1") ? "DAMAGED" : "WRONG_ITEM"));
        }
        execute(job());

        assertThat(pi).isEnded().hasPassed("Task_WriteOffReturnedUnits", "Task_SendToReturnsCentre");
        assertThat(carriedOut).containsExactly(Map.entry("1", "WRITE_OFF"), Map.entry("2", "RETURNS_CENTRE"));
    }

    @Test
    void anOperatorRetriesARefundTheErpCouldNotTake() {
        lines.put("1", new String[] {"TSHIRT-BLK-M", "TSHIRTS"});
        ProcessInstance pi = inspectedAndErpDown();
        complete(task(), Map.of("operatorChoice", "RETRY"));
        execute(job());

        assertThat(pi).isEnded().hasPassed("Task_CompleteReturn").hasNotPassed("Task_CloseReturnWithoutRefund");
    }

    @Test
    void anOperatorClosesTheReturnWhenTheRefundIsSettledOutside() {
        lines.put("1", new String[] {"TSHIRT-BLK-M", "TSHIRTS"});
        ProcessInstance pi = inspectedAndErpDown();
        complete(task(), Map.of("operatorChoice", "CANCEL_SHIPMENT"));

        assertThat(pi).isEnded().hasPassed("Task_CloseReturnWithoutRefund", "EndEvent_ClosedByOperator")
                .hasNotPassed("Task_CompleteReturn");
    }

    private ProcessInstance inspectedAndErpDown() {
        ProcessInstance pi = start();
        complete(task(), Map.of("condition", "RESELLABLE"));
        erpDown = true;
        execute(job());
        assertThat(pi).isWaitingAt("Task_HandlePartnerFailure");
        assertThat(task()).hasCandidateGroup("operator");
        return pi;
    }

    private ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("customer-return", "ORD-1",
                Map.of("orderId", "ORD-1", "returnId", "RET-1", "receivingNodeId", "DC-BKN"));
        assertThat(pi).isWaitingAt("Task_InspectReturn");
        return pi;
    }
}
