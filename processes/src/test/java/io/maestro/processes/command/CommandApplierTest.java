package io.maestro.processes.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

/** Which failures mean "the order's process is busy, try again" and which are answers. */
class CommandApplierTest {

    @Test
    void optimisticLockingDeadlocksLockWaitsAndSerializationFailuresAreBusy() {
        assertThat(CommandApplier.busy(new OptimisticLockingException("ENGINE-03005"))).isTrue();
        assertThat(CommandApplier.busy(new CannotAcquireLockException("lock timeout"))).isTrue();
        assertThat(CommandApplier.busy(new ProcessEngineException("flush", new SQLException("deadlock detected", "40P01"))))
                .isTrue();
        assertThat(CommandApplier.busy(new RuntimeException(new SQLException("could not serialize", "40001")))).isTrue();
        assertThat(CommandApplier.busy(new RuntimeException(new SQLException("Timeout trying to lock table", "HYT00"))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNotBusy() {
        assertThat(CommandApplier.busy(new IllegalStateException("bug"))).isFalse();
        assertThat(CommandApplier.busy(new DataIntegrityViolationException("fk",
                new SQLException("referential integrity", "23506")))).isFalse();
    }
}
