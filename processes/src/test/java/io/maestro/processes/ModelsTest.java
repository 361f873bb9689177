package io.maestro.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What makes a model fit for Camunda Modeler and for people: every element drawn, readable typed ids, a
 * history time-to-live, named tasks, events and deciding gateways, forms that exist for every user task, kebab-case topics.
 */
class ModelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("."))) {
            List<Path> bpmn = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
            assertThat(bpmn).isNotEmpty();
            return bpmn.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyElementIsDrawnAndReadable(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).as("history time-to-live").isNotBlank();

        Set<String> drawn = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
        model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(drawn).as("shape of %s", node.getId()).contains(node.getId());
            assertThat(node.getId()).as("readable id").matches("[A-Z][A-Za-z]+_[A-Z][A-Za-z0-9]+");
            boolean decides = !(node instanceof Gateway) || !(node instanceof ParallelGateway) && node.getOutgoing().size() > 1;
            if (decides) {
                assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            assertThat(drawn).as("edge of %s", flow.getId()).contains(flow.getId());
            assertThat(flow.getId()).as("readable id").matches("Flow_[A-Z][A-Za-z0-9]+");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyUserTaskHasAFormAndAGroup(Path file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaCandidateGroups()).as("candidate groups of %s", task.getId()).isNotBlank();
            String form = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
            assertThat(form).as("form of %s", task.getId()).isNotBlank();
            try (InputStream in = ModelsTest.class.getResourceAsStream("/forms/" + form + ".form")) {
                assertThat(in).as("forms/%s.form", form).isNotNull();
                JsonNode json = JSON.readTree(in);
                assertThat(json.path("id").asText()).isEqualTo(form);
                assertThat(json.path("components")).isNotEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void externalTasksUseKebabCaseTopics(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            if ("external".equals(task.getCamundaType())) {
                assertThat(task.getCamundaTopic()).as("topic of %s", task.getId()).matches("[a-z]+(-[a-z]+)*");
            }
        }
        assertThat(model.getModelElementsByType(BaseElement.class)).isNotEmpty();
    }
}
