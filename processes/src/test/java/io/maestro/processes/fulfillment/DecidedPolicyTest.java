package io.maestro.processes.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.network.NetworkService;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import io.maestro.workers.allocate.AllocationPolicies;
import io.maestro.workers.allocate.DecidedPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an order's process decides for its allocation (DMN {@code fulfillment-policy} and {@code node-eligibility},
 * passed to the {@code allocate-order} task as variables) is what {@link DecidedPolicies} reads back from the order's
 * timeline without the engine, value for value: the wave re-optimisation plans the order under it.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:order-process-start;DB_CLOSE_DELAY=-1",
    "maestro.worker.enabled=false", "camunda.bpm.job-execution.enabled=false", "camunda.bpm.history-level=full"})
class DecidedPolicyTest {

    @Autowired OrderIntake intake;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired ExternalTaskService externalTasks;
    @Autowired DecidedPolicies decidedPolicies;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theTimelineHoldsThePolicyTheProcessPassesItsAllocationTask() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        String orderId = intake.accept(TestData.order("W-DECIDED-VIP"), "test").order().orderId();
        String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderId).singleResult().getId();
        Job started = management.createJobQuery().processInstanceId(process).singleResult();
        management.executeJob(started.getId());

        List<LockedExternalTask> tasks = externalTasks.fetchAndLock(10, "test").topic("allocate-order", 60_000)
                .businessKey(orderId).execute();
        assertThat(tasks).hasSize(1);
        Map<String, Object> variables = tasks.get(0).getVariables();
        Map<String, Object> decided = decidedPolicies.of(orderId);

        List<String> names = new ArrayList<>(AllocationPolicies.DECIDED);
        names.addAll(List.of("serviceUpgrade", "eligibleNodeTypes"));
        for (String name : names) {
            assertThat(decided.get(name)).as(name).isNotNull().isEqualTo(variables.get(name));
        }
        assertThat(decided).as("a VIP on the balanced policy: Rule_VipPromise")
                .containsEntry("promiseDays", 3).containsEntry("serviceUpgrade", true).containsEntry("maxShipments", 3);
    }
}
