package io.maestro.processes;

import io.maestro.core.db.TransientFailures;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.springframework.stereotype.Component;

/**
 * A job (an async continuation, a timer) whose transaction the database broke to end a deadlock, or refused as a
 * serialization failure, keeps its retries, as the engine already does for an optimistic locking failure: it is
 * unlocked and executed again, and never becomes an incident for it. Other failures use up retries as before.
 */
@Component
public class TransientJobFailures extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory(KeepRetries::new);
    }

    /** The engine's retry command, which does not count a transient database failure. */
    static class KeepRetries extends DefaultJobRetryCmd {

        KeepRetries(String jobId, Throwable exception) {
            super(jobId, exception);
        }

        @Override
        protected boolean shouldDecrementRetriesFor(Throwable failure) {
            return super.shouldDecrementRetriesFor(failure) && !TransientFailures.isTransient(failure);
        }
    }
}
