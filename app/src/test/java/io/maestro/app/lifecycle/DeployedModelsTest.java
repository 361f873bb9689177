package io.maestro.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.app.MaestroTest;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application deploys the processes, the decisions and the forms of its modules together, each with a history time-to-live. */
@MaestroTest
class DeployedModelsTest {

    @Autowired RepositoryService repository;

    @Test
    void processesDecisionsAndFormsAreDeployedTogether() {
        List<String> processes = repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getKey).toList();
        assertThat(processes).contains("order-fulfillment", "shipment-execution", "store-pickup", "customer-return");
        List<String> decisions = repository.createDecisionDefinitionQuery().latestVersion().list().stream()
                .map(DecisionDefinition::getKey).toList();
        assertThat(decisions).contains("fulfillment-policy", "order-screening", "node-eligibility", "stock-protection",
                "carrier-selection", "exception-handling", "pickup-exception", "shipment-delay", "return-disposition");

        ProcessDefinition fulfillment = repository.createProcessDefinitionQuery().processDefinitionKey("order-fulfillment")
                .latestVersion().singleResult();
        assertThat(fulfillment.getHistoryTimeToLive()).isEqualTo(180);
        assertThat(repository.getDeploymentResourceNames(fulfillment.getDeploymentId()))
                .anySatisfy(name -> assertThat(name).endsWith("resolve-allocation-exception.form"))
                .anySatisfy(name -> assertThat(name).endsWith("review-held-order.form"))
                .anySatisfy(name -> assertThat(name).endsWith("handle-partner-failure.form"));
    }
}
