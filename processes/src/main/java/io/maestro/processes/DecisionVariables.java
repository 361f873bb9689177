package io.maestro.processes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Bean {@code decisionVariables}: turns a decision's single result (a map of its outputs) into process
 * variables of the same names, so workers and gateways read {@code promiseDays}, not {@code policy.promiseDays}.
 * Used as an end listener on business rule tasks: {@code ${decisionVariables.spread(execution, 'policy')}}.
 */
@Component("decisionVariables")
public class DecisionVariables {

    public void spread(DelegateExecution execution, String resultVariable) {
        Object result = execution.getVariable(resultVariable);
        if (result instanceof Map<?, ?> outputs) {
            outputs.forEach((name, value) -> execution.setVariable(String.valueOf(name), value));
        } else if (result != null) {
            throw new IllegalStateException("Decision result " + resultVariable + " is not a single result: " + result);
        }
    }
}
