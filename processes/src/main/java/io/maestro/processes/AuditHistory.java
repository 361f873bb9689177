package io.maestro.processes;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricExternalTaskLogEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * History level full, less the rows nothing reads: the engine keeps process, activity, task, decision (inputs and
 * outputs), incident, identity-link and operation-log history and form submissions. Of the process variables it keeps
 * only the latest value of those that name what an instance serves beyond its business key ({@link #IDENTIFYING}), so
 * a shipment's, return's, run's or transfer's process can be found in history; the others (the order's facts, what
 * decisions and steps handed on: a decision's inputs and outputs are kept with the decision) are not written to
 * {@code ACT_HI_VARINST}, and no variable update to {@code ACT_HI_DETAIL}. Nor the creation, success and deletion of
 * every job and external task ({@code ACT_HI_JOB_LOG}, {@code ACT_HI_EXT_TASK_LOG}; failures stay, with their stack
 * trace). {@code maestro.history.full-detail=true} writes everything again.
 */
@Component
public class AuditHistory extends AbstractProcessEnginePlugin {

    /** The variables that tell which shipment, return, replenishment run or transfer an instance serves. */
    static final Set<String> IDENTIFYING = Set.of("shipmentId", "returnId", "runId", "transferId");

    private final boolean fullDetail;

    public AuditHistory(@Value("${maestro.history.full-detail:false}") boolean fullDetail) {
        this.fullDetail = fullDetail;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!fullDetail) {
            configuration.setHistoryEventHandler(new Writer());
        }
    }

    /** The engine's own history writer, handed only the events the audit keeps. */
    static class Writer extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (kept(event)) {
                super.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            for (HistoryEvent event : events) {
                handleEvent(event);
            }
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return false;
        }

        static boolean kept(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity variable) {
                return IDENTIFYING.contains(variable.getVariableName());
            }
            if (event instanceof HistoricJobLogEvent job) {
                return job.isFailureLog();
            }
            if (event instanceof HistoricExternalTaskLogEntity task) {
                return task.isFailureLog();
            }
            return true;
        }
    }
}
