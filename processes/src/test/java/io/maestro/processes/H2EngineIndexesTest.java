package io.maestro.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.processes.testing.ProcessesSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engine's queries that H2 planned over every row in flight now read one execution's rows. */
@ProcessesSpringTest
class H2EngineIndexesTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void loadingAnExecutionsVariablesReadsOnlyThatExecutionsRows() {
        assertThat(plan("select RES.* from ACT_RU_VARIABLE RES where EXECUTION_ID_ = 'e-1' and TASK_ID_ is null"))
                .contains("MAESTRO_IDX_VARIABLE_EXEC_TASK: EXECUTION_ID_ = 'e-1'");
    }

    @Test
    void findingTheExecutionSubscribedToAMessageReadsOnlyItsSubscriptions() {
        assertThat(plan("select RES.ID_ from ACT_RU_EXECUTION RES where RES.BUSINESS_KEY_ = 'ORD-1' and exists ("
                + "select ID_ from ACT_RU_EVENT_SUBSCR EVT where EVT.EXECUTION_ID_ = RES.ID_ and EVT.EVENT_TYPE_ = 'message'"
                + " and EVT.EVENT_NAME_ = 'ShipmentAccepted')"))
                .containsPattern("MAESTRO_IDX_EVENT_SUBSCR_EXEC_NAME: EVENT_NAME_ = 'ShipmentAccepted'\\s+AND EXECUTION_ID_ = RES.ID_");
    }

    private String plan(String sql) {
        return jdbc.queryForObject("explain " + sql, String.class);
    }
}
