package io.maestro.processes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.order.OrderService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Puts what a person decided on a user task on the order's timeline, for every user task of every process: when
 * the task is completed, the fields the person could edit on its form (Camunda Form named by {@code formRef}, e.g.
 * {@code operatorChoice} and {@code operatorComment}) with their values, the task, and who completed it. The
 * listener is added to each user task when the engine parses a model, so no form or model needs to ask for it.
 */
@Component
public class OperatorInputOnTimeline extends AbstractProcessEnginePlugin {

    static final String EVENT = "TASK_COMPLETED";
    /** Who completed a task when the engine knows no user (a call without login) and nobody had claimed it. */
    static final String UNIDENTIFIED = "an unidentified operator";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OrderService orders;
    private final Map<String, List<String>> fieldsByForm = new ConcurrentHashMap<>();

    public OperatorInputOnTimeline(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.onEveryUserTask(configuration, TaskListener.EVENTNAME_COMPLETE, element -> {
            String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
            return task -> recordCompletion(task, formRef);
        });
    }

    void recordCompletion(DelegateTask task, String formRef) {
        String orderId = task.getExecution().getProcessBusinessKey();
        if (orderId == null) {
            return;
        }
        Map<String, Object> entered = new LinkedHashMap<>();
        for (String field : editableFields(task, formRef)) {
            Object value = task.getVariable(field);
            if (value != null && !value.toString().isBlank()) {
                entered.put(field, value);
            }
        }
        String authenticated = Context.getCommandContext() == null ? null
                : Context.getCommandContext().getAuthenticatedUserId();
        String actor = authenticated != null ? authenticated : task.getAssignee() != null ? task.getAssignee()
                : UNIDENTIFIED;
        // The step's name in the model: the task's own name also carries the order's facts (TaskLabels).
        String step = task.getBpmnModelElementInstance() != null && task.getBpmnModelElementInstance().getName() != null
                ? task.getBpmnModelElementInstance().getName() : task.getName();
        String reason = step + " completed by " + actor + (entered.isEmpty() ? "" : ": " + entered.entrySet()
                .stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("; ")));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("taskId", task.getId());
        details.put("task", task.getTaskDefinitionKey());
        details.put("taskName", step);
        details.put("input", entered);
        orders.record(orderId, EVENT, actor, reason, details);
    }

    /** The keys of the fields a person can fill in on the task's form, read once per deployment and form. */
    private List<String> editableFields(DelegateTask task, String formRef) {
        if (formRef == null || formRef.isBlank()) {
            return List.of();
        }
        RepositoryService repository = task.getProcessEngineServices().getRepositoryService();
        String deploymentId = repository.getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId();
        return fieldsByForm.computeIfAbsent(deploymentId + "#" + formRef, key -> {
            for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
                if (resource.endsWith(".form")) {
                    JsonNode form = read(repository, deploymentId, resource);
                    if (formRef.equals(form.path("id").asText())) {
                        List<String> fields = new ArrayList<>();
                        collect(form, fields);
                        return fields;
                    }
                }
            }
            return List.of();
        });
    }

    private static void collect(JsonNode container, List<String> fields) {
        for (JsonNode component : container.path("components")) {
            boolean readOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
            if (component.hasNonNull("key") && !readOnly) {
                fields.add(component.get("key").asText());
            }
            collect(component, fields);
        }
    }

    private static JsonNode read(RepositoryService repository, String deploymentId, String resource) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read form " + resource, e);
        }
    }
}
