package io.maestro.processes;

import io.maestro.core.audit.DecisionEntries;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts every decision a process takes on its order's timeline ({@link DecisionEntries}): decision key and deployed
 * version, the rules that matched with their annotations (why), and the outputs.
 */
@Component
public class DecisionAudit extends AbstractProcessEnginePlugin implements DmnDecisionEvaluationListener {

    private final DecisionEntries decisions;
    private final Map<String, Map<String, String>> annotationsByDefinition = new ConcurrentHashMap<>();

    public DecisionAudit(DecisionEntries decisions) {
        this.decisions = decisions;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        List<DmnDecisionEvaluationListener> listeners = dmn.getCustomPostDecisionEvaluationListeners() == null
                ? new ArrayList<>() : new ArrayList<>(dmn.getCustomPostDecisionEvaluationListeners());
        listeners.add(this);
        dmn.setCustomPostDecisionEvaluationListeners(listeners);
        configuration.setDmnEngineConfiguration(dmn);
    }

    @Override
    public void notify(DmnDecisionEvaluationEvent event) {
        BpmnExecutionContext context = Context.getBpmnExecutionContext();
        if (context == null || context.getExecution() == null || context.getExecution().getProcessBusinessKey() == null
                || !(event.getDecisionResult() instanceof DmnDecisionTableEvaluationEvent table)
                || !(table.getDecision() instanceof DecisionDefinition definition)) {
            return;
        }
        Map<String, String> annotations = annotationsByDefinition.computeIfAbsent(definition.getId(), this::annotations);
        List<DecisionEntries.MatchedRule> rules = new ArrayList<>();
        for (DmnEvaluatedDecisionRule rule : table.getMatchingRules()) {
            Map<String, Object> outputs = new LinkedHashMap<>();
            rule.getOutputEntries().forEach((name, output) -> outputs.put(output.getOutputName() != null
                    ? output.getOutputName() : name, output.getValue().getValue()));
            rules.add(new DecisionEntries.MatchedRule(rule.getId(), annotations.getOrDefault(rule.getId(), ""), outputs));
        }
        decisions.record(context.getExecution().getProcessBusinessKey(), definition.getKey(), definition.getVersion(),
                rules);
    }

    private Map<String, String> annotations(String definitionId) {
        DmnModelInstance model = Context.getProcessEngineConfiguration().getRepositoryService()
                .getDmnModelInstance(definitionId);
        Map<String, String> byRule = new LinkedHashMap<>();
        for (Rule rule : model.getModelElementsByType(Rule.class)) {
            if (rule.getDescription() != null && rule.getDescription().getTextContent() != null) {
                byRule.put(rule.getId(), rule.getDescription().getTextContent().trim());
            }
        }
        return byRule;
    }
}
