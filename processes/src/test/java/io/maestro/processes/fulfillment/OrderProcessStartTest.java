package io.maestro.processes.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.network.NetworkService;
import io.maestro.core.order.IntakeResult;
import io.maestro.core.order.NewOrder;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import io.maestro.processes.OrderProcessStarter;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Intake starts {@code order-fulfillment} in its transaction: the latest version, the order id as business key, no variables. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:order-process-start;DB_CLOSE_DELAY=-1",
    "maestro.worker.enabled=false", "camunda.bpm.job-execution.enabled=false", "camunda.bpm.history-level=full"})
class OrderProcessStartTest {

    @Autowired OrderIntake intake;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void catalog() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
    }

    @Test
    void anAcceptedOrderStartsTheLatestVersionWithItsOrderIdAsBusinessKeyAndNoVariables() {
        String orderId = accept("W-START-1");

        ProcessInstance process = processOf(orderId);
        assertThat(process.getProcessDefinitionId()).isEqualTo(latest().getId());
        assertThat(runtime.getVariables(process.getId())).isEmpty();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(process.getId()).list()).isEmpty();
    }

    @Test
    void theEngineMakesItsIdsInTheOrderOfTime() {
        String first = processOf(accept("W-START-IDS-1")).getId();
        String second = processOf(accept("W-START-IDS-2")).getId();

        assertThat(first).hasSize(28);
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void anOrderAcceptedAfterANewVersionIsDeployedStartsThatVersion() {
        String before = accept("W-START-2");
        ProcessDefinition previous = latest();

        repository.createDeployment().addClasspathResource("bpmn/order-fulfillment.bpmn").deploy();
        String after = accept("W-START-3");

        assertThat(processOf(before).getProcessDefinitionId()).isEqualTo(previous.getId());
        assertThat(latest().getVersion()).isEqualTo(previous.getVersion() + 1);
        assertThat(processOf(after).getProcessDefinitionId()).isEqualTo(latest().getId());
    }

    @Test
    void aRedeliveredOrderStartsNoSecondProcess() {
        IntakeResult first = intake.accept(TestData.order("W-START-4"), "test");
        IntakeResult again = intake.accept(TestData.order("W-START-4"), "test");

        assertThat(again.created()).isFalse();
        assertThat(again.order().orderId()).isEqualTo(first.order().orderId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(first.order().orderId()).count())
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from orders where channel_order_id = 'W-START-4'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void anInvalidOrderStoresNothingAndStartsNothing() {
        NewOrder valid = TestData.order("W-START-5");
        NewOrder unknownSku = new NewOrder(valid.channel(), valid.channelOrderId(), valid.customer(), valid.shipTo(),
                valid.deliveryOption(), valid.pickupNodeId(), valid.preference(), valid.shipComplete(),
                List.of(new NewOrder.Line("NO-SUCH-SKU", 1, valid.lines().get(0).unitPrice())));

        long processes = runtime.createProcessInstanceQuery().processDefinitionKey(OrderProcessStarter.PROCESS).count();

        assertThatThrownBy(() -> intake.accept(unknownSku, "test")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("unknown SKU NO-SUCH-SKU");
        assertThat(jdbc.queryForObject("select count(*) from orders", Integer.class)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(OrderProcessStarter.PROCESS).count())
                .isEqualTo(processes);
    }

    private String accept(String channelOrderId) {
        return intake.accept(TestData.order(channelOrderId), "test").order().orderId();
    }

    private ProcessInstance processOf(String orderId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderId).singleResult();
    }

    private ProcessDefinition latest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(OrderProcessStarter.PROCESS).latestVersion()
                .singleResult();
    }
}
