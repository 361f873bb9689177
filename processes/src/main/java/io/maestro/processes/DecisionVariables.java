package io.maestro.processes;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Bean {@code decisionVariables}: turns what a COLLECT decision returned into one comma-separated process
 * variable (lists are not stored as variables: Java serialization stays off). Used in a business rule
 * task's output mapping: {@code ${decisionVariables.collect(decisionResult, 'eligibleNodeType')}}.
 */
@Component("decisionVariables")
public class DecisionVariables {

    public String collect(DmnDecisionResult result, String output) {
        return result.collectEntries(output).stream().filter(Objects::nonNull).map(String::valueOf).distinct()
                .collect(Collectors.joining(","));
    }
}
