package io.maestro.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

class TransientJobFailuresTest {

    private final StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();

    private boolean decrements(Throwable failure) {
        new TransientJobFailures().preInit(configuration);
        return ((TransientJobFailures.KeepRetries) configuration.getFailedJobCommandFactory().getCommand("job-1", failure))
                .shouldDecrementRetriesFor(failure);
    }

    @Test
    void aDeadlockTheEngineReportsKeepsTheJobsRetries() {
        SQLException deadlock = new SQLException("ERROR: deadlock detected", "40P01");
        assertThat(decrements(new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation",
                new RuntimeException(deadlock)))).isFalse();
        assertThat(decrements(new CannotAcquireLockException("lock timeout"))).isFalse();
    }

    @Test
    void optimisticLockingStillKeepsThemAndOtherFailuresUseThemUp() {
        assertThat(decrements(new OptimisticLockingException("changed concurrently"))).isFalse();
        assertThat(decrements(new IllegalStateException("a bug"))).isTrue();
        assertThat(decrements(new ProcessEngineException("no such variable"))).isTrue();
    }
}
