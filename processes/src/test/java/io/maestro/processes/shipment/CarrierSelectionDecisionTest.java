package io.maestro.processes.shipment;

import io.maestro.core.carrier.CarrierConstraint;
import io.maestro.core.carrier.CarrierSelection;
import io.maestro.core.carrier.ServiceLevel;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.network.NetworkService;
import io.maestro.core.order.NewOrder;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.rollout.Rollout;
import io.maestro.core.rollout.Slice;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import io.maestro.processes.rollout.DecisionRollouts;
import io.maestro.processes.rollout.WorkerOnlyNode;
import io.maestro.workers.allocate.CarrierSelectionDecision;
import io.maestro.workers.allocate.DecisionVersions;
import io.maestro.workers.allocate.EngineInputs;
import io.maestro.workers.allocation.model.Policy;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the optimiser and the label step read of DMN {@code carrier-selection}: the latest deployed table's answer as a
 * {@link CarrierConstraint}, from the engine's tables on the shared database (as a worker without an engine reads it).
 * Same context as {@link ShipmentExecutionDelegatesTest}; a changed table is deployed over the original and the
 * original deployed again after.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:shipment-execution;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.deployment-resource-pattern=classpath*:bpmn/shipment-execution.bpmn,classpath*:dmn/*.dmn,classpath*:forms/*.form",
        "camunda.bpm.history-level=full",
        "maestro.fulfillment.start-processes=false",
        "maestro.fulfillment.partner-event-poll-millis=3600000",
        "maestro.fulfillment.stock-signal-millis=3600000"})
class CarrierSelectionDecisionTest {

    private static final CarrierSelection.Facts ORDINARY = new CarrierSelection.Facts(false, false, "STANDARD", false, 5);
    /** An order in no rollout's slice. */
    private static final String NO_ORDER = "ORD-NONE";

    @Autowired CarrierSelectionDecision decision;
    @Autowired RepositoryService repository;
    @Autowired EngineInputs inputs;
    @Autowired OrderIntake intake;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;
    @Autowired DecisionRollouts rollouts;

    @Test
    void theDeployedTableAnswersAsItsRulesSay() {
        assertThat(decision.decide(NO_ORDER, ORDINARY)).isEqualTo(new CarrierConstraint(Set.of(), false, ServiceLevel.GROUND,
                ServiceLevel.OVERNIGHT, false, "Cheapest rate that meets the promise"));
        assertThat(decision.decide(NO_ORDER, new CarrierSelection.Facts(true, false, "VIP", true, 1))).isEqualTo(
                new CarrierConstraint(Set.of(), true, ServiceLevel.GROUND, ServiceLevel.GROUND, false,
                        "Hazardous goods travel by ground with a licensed carrier"));
        assertThat(decision.decide(NO_ORDER, new CarrierSelection.Facts(false, true, "VIP", false, 3)))
                .extracting(CarrierConstraint::minimumService, CarrierConstraint::freeUpgrade)
                .containsExactly(ServiceLevel.TWO_DAY, true);
    }

    @Test
    void aNewlyDeployedTableIsFollowedAndABadOutputNamesTheTableVersion() throws IOException {
        String original = table();
        try {
            deploy(original.replace("<text>\"ANY\"</text>", "<text>\"SWIFT, GREENLINE\"</text>"));
            assertThat(decision.decide(NO_ORDER, ORDINARY).carriers()).containsExactlyInAnyOrder("SWIFT", "GREENLINE");

            deploy(original.replace("<outputEntry id=\"Rule_AnyGround_MaxService\">\n          <text>\"OVERNIGHT\"</text>",
                    "<outputEntry id=\"Rule_AnyGround_MaxService\">\n          <text>\"FASTEST\"</text>"));
            assertThatThrownBy(() -> decision.decide(NO_ORDER, ORDINARY)).hasMessageContaining("carrier-selection v")
                    .hasMessageContaining("maxService is FASTEST");
        } finally {
            deploy(original);
        }
        assertThat(decision.decide(NO_ORDER, ORDINARY).carriers()).isEmpty();
    }

    @Test
    void aTableThatAllowsNoConfiguredCarrierStopsAllocationNamingWhatItAllowed() throws IOException {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        Order order = intake.accept(TestData.order("W-" + UUID.randomUUID()), "test").order();
        String original = table();
        try {
            deploy(original.replace("<text>\"ANY\"</text>", "<text>\"NOBODY\"</text>"));
            assertThatThrownBy(() -> inputs.requestFor(order, order.lines(), Policy.balanced(), 5, Set.of()))
                    .hasMessageContaining("No configured carrier offers what DMN carrier-selection allows for order "
                            + order.orderId() + ": NOBODY, ");
        } finally {
            deploy(original);
        }
        assertThat(inputs.requestFor(order, order.lines(), Policy.balanced(), 5, Set.of()).rateCards()).hasSize(3);
    }

    @Test
    void whileACandidateTableIsRolledOutItDecidesTheOrdersOfItsSliceAndTheBaseTheRest() throws IOException {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        String web = intake.accept(TestData.order("W-" + UUID.randomUUID()), "test").order().orderId();
        String candidate = table().replace("<text>\"ANY\"</text>", "<text>\"GREENLINE\"</text>");
        Rollout rollout = rollouts.start(CarrierSelectionDecision.DECISION, candidate.getBytes(StandardCharsets.UTF_8),
                new Slice(null, "WEB", null, null), "test");
        try {
            assertThat(decision.decide(web, ORDINARY).carriers()).as("in the slice").containsExactly("GREENLINE");
            assertThat(decision.decide(NO_ORDER, ORDINARY).carriers()).as("outside it: the base version").isEmpty();
        } finally {
            rollouts.rollBack(CarrierSelectionDecision.DECISION, rollout.id(), "test");
        }
        assertThat(decision.decide(web, ORDINARY).carriers()).as("rolled back").isEmpty();
    }

    @Test
    void aWorkerWithoutAnEngineFollowsTheRolloutAsTheEngineNodeDoes() throws IOException {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        String web = intake.accept(TestData.order("W-" + UUID.randomUUID()), "test").order().orderId();
        NewOrder template = TestData.order("M-" + UUID.randomUUID());
        String marketplace = intake.accept(new NewOrder("MARKETPLACE", template.channelOrderId(), template.customer(),
                template.shipTo(), null, null, null, null, template.lines()), "test").order().orderId();
        String candidate = table().replace("<text>\"ANY\"</text>", "<text>\"GREENLINE\"</text>");
        Rollout rollout = rollouts.start(CarrierSelectionDecision.DECISION, candidate.getBytes(StandardCharsets.UTF_8),
                new Slice(null, "WEB", null, null), "test");
        try (ConfigurableApplicationContext worker = WorkerOnlyNode.start("jdbc:h2:mem:shipment-execution;DB_CLOSE_DELAY=-1")) {
            assertThat(worker.getBeanNamesForType(ProcessEngine.class)).isEmpty();
            assertThat(worker.getBeanNamesForType(DecisionRollouts.class)).isEmpty();
            DecisionVersions workerVersions = worker.getBean(DecisionVersions.class);
            CarrierSelection workerDecision = worker.getBean(CarrierSelection.class);

            assertThat(workerVersions.versionFor(CarrierSelectionDecision.DECISION, web))
                    .isEqualTo(rollout.candidateVersion());
            assertThat(workerVersions.versionFor(CarrierSelectionDecision.DECISION, marketplace))
                    .isEqualTo(rollout.baseVersion());
            assertThat(workerDecision.decide(web, ORDINARY).carriers()).as("worker, in the slice")
                    .containsExactly("GREENLINE");
            assertThat(workerDecision.decide(marketplace, ORDINARY).carriers()).as("worker, outside it").isEmpty();
            assertThat(decision.decide(web, ORDINARY).carriers()).as("engine node, in the slice")
                    .containsExactly("GREENLINE");
            assertThat(decision.decide(marketplace, ORDINARY).carriers()).as("engine node, outside it").isEmpty();
        } finally {
            rollouts.rollBack(CarrierSelectionDecision.DECISION, rollout.id(), "test");
        }
    }

    private static String table() throws IOException {
        try (InputStream in = CarrierSelectionDecisionTest.class.getResourceAsStream("/dmn/carrier-selection.dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void deploy(String xml) {
        repository.createDeployment().name("carrier-selection test").addString("carrier-selection.dmn", xml).deploy();
    }
}
