package io.maestro.processes;

import java.util.List;
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
 * outputs), incident, identity-link and operation-log history and every variable's latest value ({@code ACT_HI_VARINST}),
 * but not a row per variable update ({@code ACT_HI_DETAIL}; form submissions stay), nor the creation, success and
 * deletion of every job and external task ({@code ACT_HI_JOB_LOG}, {@code ACT_HI_EXT_TASK_LOG}; failures stay, with
 * their stack trace). {@code maestro.history.full-detail=true} writes everything again.
 */
@Component
public class AuditHistory extends AbstractProcessEnginePlugin {

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
