package io.maestro.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real engine (H2 in memory, history full) with {@link AuditHistory}: what the audit keeps and what it leaves out. */
class AuditHistoryTest {

    private static ProcessEngine engine;
    private static HistoryService history;

    @BeforeAll
    static void startEngine() {
        engine = engine("audit-history-test", false);
        history = engine.getHistoryService();
    }

    /**
     * An engine with history level full and {@link AuditHistory}, the two test processes deployed; its database outlives it,
     * so another engine of the same name starts on it.
     */
    private static ProcessEngine engine(String name, boolean fullDetail) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory("full");
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(List.of(new AuditHistory(fullDetail)));
        ProcessEngine started = configuration.buildProcessEngine();
        BpmnModelInstance review = Bpmn.createExecutableProcess("audit-review").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Begin")
                .serviceTask("Task_Count").camundaAsyncBefore().camundaExpression("${execution.setVariable('count', count + 1)}")
                .serviceTask("Task_Call").camundaExternalTask("audit-call")
                .userTask("Task_Review").camundaCandidateGroups("operators")
                .endEvent("EndEvent_Done").done();
        BpmnModelInstance failing = Bpmn.createExecutableProcess("audit-failing").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Begin")
                .serviceTask("Task_Fail").camundaAsyncBefore().camundaExpression("${missingBean.call()}")
                .endEvent("EndEvent_Done").done();
        started.getRepositoryService().createDeployment().addModelInstance("audit-review.bpmn", review)
                .addModelInstance("audit-failing.bpmn", failing).deploy();
        return started;
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void keepsProcessActivityAndTaskHistoryAndTheShipmentIdButNotTheOtherVariablesNorTheLogOfWhatWentWell() {
        String instance = review(engine, "ORD-1");
        String task = history.createHistoricTaskInstanceQuery().processInstanceId(instance).singleResult().getId();

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).completed().count()).isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).list())
                .extracting(HistoricActivityInstance::getActivityId)
                .contains("StartEvent_Begin", "Task_Count", "Task_Call", "Task_Review", "EndEvent_Done");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance).finished().count()).isEqualTo(1);
        assertThat(history.createHistoricIdentityLinkLogQuery().taskId(task).count()).isPositive();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
                .as("only the variable that names the shipment").singleElement()
                .satisfies(v -> assertThat(List.of(v.getName(), v.getValue())).containsExactly("shipmentId", "ORD-1-S1"));
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance).count()).isZero();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).count()).isZero();
        assertThat(history.createHistoricExternalTaskLogQuery().processInstanceId(instance).failureLog().count()).isEqualTo(1);
        assertThat(history.createHistoricExternalTaskLogQuery().processInstanceId(instance).count()).isEqualTo(1);
    }

    @Test
    void withFullDetailKeepsEveryVariableUpdateAndTheLogOfWhatWentWell() {
        ProcessEngine detailed = engine("audit-history-full-detail-test", true);
        try {
            String instance = review(detailed, "ORD-3");
            HistoryService detail = detailed.getHistoryService();

            assertThat(detail.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("count")
                    .singleResult().getValue()).isEqualTo(3);
            assertThat(detail.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("approved")
                    .singleResult().getValue()).isEqualTo(true);
            assertThat(detail.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().count())
                    .as("count and shipmentId set, count raised by the job and by the call, approved set").isEqualTo(5);
            assertThat(detail.createHistoricJobLogQuery().processInstanceId(instance).successLog().count()).isEqualTo(1);
        } finally {
            detailed.close();
        }
    }

    @Test
    void fullDetailSwitchedOnForARunningInstanceWritesItsVariablesFromTheirNextUpdate() {
        ProcessEngine before = engine("audit-history-switch-test", false);
        String instance = before.getRuntimeService().startProcessInstanceByKey("audit-review", "ORD-4",
                Map.of("count", 1, "shipmentId", "ORD-4-S1")).getId();
        before.close();
        ProcessEngine after = engine("audit-history-switch-test", true);
        try {
            after.getManagementService().executeJob(after.getManagementService().createJobQuery()
                    .processInstanceId(instance).singleResult().getId());

            assertThat(after.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance).list())
                    .extracting(v -> v.getName() + "=" + v.getValue()).containsExactlyInAnyOrder("shipmentId=ORD-4-S1", "count=2");
        } finally {
            after.close();
        }
    }

    /**
     * Runs an {@code audit-review} (for shipment {@code <businessKey>-S1}) through its job, a failed and a completed
     * call and the review; returns its id.
     */
    private static String review(ProcessEngine on, String businessKey) {
        String instance = on.getRuntimeService().startProcessInstanceByKey("audit-review", businessKey,
                Map.of("count", 1, "shipmentId", businessKey + "-S1")).getId();
        on.getManagementService().executeJob(on.getManagementService().createJobQuery()
                .processInstanceId(instance).singleResult().getId());
        List<LockedExternalTask> calls = on.getExternalTaskService().fetchAndLock(1, "worker").topic("audit-call", 60_000)
                .execute();
        on.getExternalTaskService().handleFailure(calls.get(0).getId(), "worker", "partner down", 1, 0);
        on.getExternalTaskService().complete(on.getExternalTaskService().fetchAndLock(1, "worker")
                .topic("audit-call", 60_000).execute().get(0).getId(), "worker", Map.of("count", 3));
        String task = on.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
        on.getTaskService().complete(task, Map.of("approved", true));
        return instance;
    }

    @Test
    void keepsAFailedJobWithItsStackTraceAndTheIncident() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("audit-failing", "ORD-2").getId();
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();

        assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).hasMessageContaining("missingBean");
        engine.getManagementService().setJobRetries(job.getId(), 0);

        String failure = history.createHistoricJobLogQuery().processInstanceId(instance).failureLog().singleResult().getId();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).count()).isEqualTo(1);
        assertThat(history.getHistoricJobLogExceptionStacktrace(failure)).contains("missingBean");
        assertThat(history.createHistoricIncidentQuery().processInstanceId(instance).count()).isEqualTo(1);
    }
}
