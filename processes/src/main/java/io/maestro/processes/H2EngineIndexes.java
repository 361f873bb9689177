package io.maestro.processes;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Two indexes the engine's H2 schema lacks, created once the engine has created or updated its tables.
 * H2 plans a query without row statistics, by the indexes that match its conditions: loading an execution's
 * variables ({@code EXECUTION_ID_ = ? and TASK_ID_ is null}) took the index on {@code TASK_ID_} and read every
 * process variable in the database, and a message correlation's subscription check took the index on
 * {@code EVENT_NAME_} and read every subscription of that name. Both grew with the orders in flight. With an
 * index that starts with the execution, each reads only its own rows. PostgreSQL plans by statistics and
 * already has an index on the execution, so it is left as the engine made it.
 */
@Component
public class H2EngineIndexes extends AbstractProcessEnginePlugin {

    private static final List<String> STATEMENTS = List.of(
            "create index if not exists MAESTRO_IDX_VARIABLE_EXEC_TASK on ACT_RU_VARIABLE (EXECUTION_ID_, TASK_ID_)",
            "create index if not exists MAESTRO_IDX_EVENT_SUBSCR_EXEC_NAME on ACT_RU_EVENT_SUBSCR (EXECUTION_ID_, EVENT_NAME_)");

    private DataSource dataSource;
    private String databaseType;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        dataSource = configuration.getDataSource();
        databaseType = configuration.getDatabaseType();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        if (!"h2".equals(databaseType)) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Cannot create the engine's H2 indexes", e);
        }
    }
}
