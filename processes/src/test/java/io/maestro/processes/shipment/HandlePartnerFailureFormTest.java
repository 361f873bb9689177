package io.maestro.processes.shipment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's form and the process agree: form id, the choices the gateway routes, required input. */
class HandlePartnerFailureFormTest {

    private final JsonNode form = read("forms/handle-partner-failure.form");
    private final BpmnModelInstance model = Bpmn.readModelFromStream(stream("bpmn/shipment-execution.bpmn"));

    @Test
    void theUserTaskReferencesTheFormDeployedWithIt() {
        UserTask task = model.getModelElementById("Task_HandlePartnerFailure");
        assertThat(task.getCamundaFormRef()).isEqualTo(form.get("id").asText()).isEqualTo("handle-partner-failure");
        assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
        assertThat(task.getCamundaCandidateGroups()).isEqualTo("operator");
        assertThat(form.get("schemaVersion").asInt()).as("form-js of Camunda 7.24").isEqualTo(16);
    }

    @Test
    void everyChoiceOfTheFormHasItsPathAtTheOperatorChoiceGateway() {
        JsonNode choice = field("operatorChoice");
        List<String> values = StreamSupport.stream(choice.get("values").spliterator(), false)
                .map(v -> v.get("value").asText()).toList();
        ExclusiveGateway gateway = model.getModelElementById("Gateway_OperatorChoice");
        List<String> conditions = new ArrayList<>();
        for (SequenceFlow flow : gateway.getOutgoing()) {
            ConditionExpression condition = flow.getConditionExpression();
            conditions.add(condition == null ? "" : condition.getTextContent());
        }

        assertThat(values).containsExactly("RETRY", "REROUTE", "CANCEL_SHIPMENT");
        assertThat(conditions).containsExactlyInAnyOrderElementsOf(values.stream()
                .map(v -> "${operatorChoice == '" + v + "'}").toList());
        assertThat(choice.at("/validate/required").asBoolean()).isTrue();
        assertThat(field("operatorComment").at("/validate/required").asBoolean()).isTrue();
    }

    @Test
    void whatTheOperatorNeedsToDecideIsShownReadOnly() {
        for (String key : List.of("orderId", "shipmentId", "nodeId", "allowedCarrier", "failedStep", "failedPartner",
                "partnerAttempts", "partnerError")) {
            assertThat(field(key).get("readonly").asBoolean()).as(key).isTrue();
        }
    }

    private JsonNode field(String key) {
        return StreamSupport.stream(form.get("components").spliterator(), false)
                .filter(c -> key.equals(c.path("key").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("the form has no field " + key));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = stream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }

    private static InputStream stream(String resource) {
        InputStream in = HandlePartnerFailureFormTest.class.getClassLoader().getResourceAsStream(resource);
        assertThat(in).as(resource + " on the classpath").isNotNull();
        return in;
    }
}
