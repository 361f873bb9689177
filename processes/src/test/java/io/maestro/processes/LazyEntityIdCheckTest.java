package io.maestro.processes;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.junit.jupiter.api.Test;

class LazyEntityIdCheckTest {

    private final LazyEntityIdCheck.EntityManager check = new LazyEntityIdCheck.EntityManager(() -> "unused", null);

    @Test
    void aRowWithoutIdOrWithTheReservedIdIsStillRefused() {
        ExecutionEntity reserved = new ExecutionEntity();
        reserved.setId("*");

        assertThatThrownBy(() -> check.validateId(new ExecutionEntity())).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("has an invalid id: id is null");
        assertThatThrownBy(() -> check.validateId(reserved)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("reserved identifier");
    }

    @Test
    void aRowWithAnIdPasses() {
        ExecutionEntity row = new ExecutionEntity();
        row.setId("42");

        assertThatCode(() -> check.validateId(row)).doesNotThrowAnyException();
    }
}
