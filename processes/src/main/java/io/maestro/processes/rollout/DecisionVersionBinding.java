package io.maestro.processes.rollout;

import io.maestro.processes.ParseListeners;
import io.maestro.workers.allocate.DecisionVersions;
import java.lang.reflect.Field;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.DmnBusinessRuleTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.model.BaseCallableElement;
import org.camunda.bpm.engine.impl.core.model.BaseCallableElement.CallableElementBinding;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Binds every business rule task that asks for the latest version of its table (the default) to the version
 * {@link DecisionVersions} names for the process's order (business key) instead: the latest, unless a rollout
 * ({@link DecisionRollouts}) says otherwise. A table deployed through this engine is read again once its deployment
 * commits.
 */
@Component
public class DecisionVersionBinding extends AbstractProcessEnginePlugin {

    private static final Field CALLABLE_ELEMENT = callableElementField();

    private final DecisionVersions versions;
    private final PerOrderDecisions perOrder;

    public DecisionVersionBinding(@Lazy DecisionVersions versions, PerOrderDecisions perOrder) {
        this.versions = versions;
        this.perOrder = perOrder;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.add(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof DmnBusinessRuleTaskActivityBehavior behavior) {
                    BaseCallableElement decision = callableElement(behavior);
                    String key = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "decisionRef");
                    if (decision.isLatestBinding() && !decision.getDefinitionKeyValueProvider().isDynamic() && key != null) {
                        decision.setBinding(CallableElementBinding.VERSION);
                        decision.setVersionValueProvider(new VersionOfOrder(key));
                        perOrder.add(key);
                    }
                }
            }
        });
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getDmnEngineConfiguration().getTransformer().getTransformListeners().add(new Deployed());
    }

    /** The version for the execution's order, asked at each evaluation. */
    private final class VersionOfOrder implements ParameterValueProvider {

        private final String decisionKey;

        VersionOfOrder(String decisionKey) {
            this.decisionKey = decisionKey;
        }

        @Override
        public Object getValue(VariableScope scope) {
            String orderId = scope instanceof DelegateExecution execution ? execution.getProcessBusinessKey() : null;
            return versions.versionFor(decisionKey, orderId);
        }

        @Override
        public boolean isDynamic() {
            return true;
        }
    }

    /** Forgets what this engine knew of a table it (re)parsed, now and once the deployment committed. */
    private final class Deployed implements DmnTransformListener {

        @Override
        public void transformDecision(Decision element, DmnDecision decision) {
            String key = decision.getKey();
            versions.forget(key);
            CommandContext command = Context.getCommandContext();
            if (command != null) {
                command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                        committed -> versions.forget(key));
            }
        }

        @Override
        public void transformDecisionTableInput(Input input, DmnDecisionTableInputImpl dmnInput) {
        }

        @Override
        public void transformDecisionTableOutput(Output output, DmnDecisionTableOutputImpl dmnOutput) {
        }

        @Override
        public void transformDecisionTableRule(Rule rule, DmnDecisionTableRuleImpl dmnRule) {
        }

        @Override
        public void transformDecisionRequirementsGraph(Definitions definitions,
                                                       org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph graph) {
        }
    }

    private static BaseCallableElement callableElement(DmnBusinessRuleTaskActivityBehavior behavior) {
        try {
            return (BaseCallableElement) CALLABLE_ELEMENT.get(behavior);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read the decision a business rule task calls", e);
        }
    }

    /** The engine keeps the task's decision reference protected; its binding and version provider are settable. */
    private static Field callableElementField() {
        try {
            Field field = DmnBusinessRuleTaskActivityBehavior.class.getDeclaredField("callableElement");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("This Camunda version's business rule task has no decision reference", e);
        }
    }
}
