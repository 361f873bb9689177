package io.maestro.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;

/**
 * One decision of this module, loaded from the classpath as the application deploys it and evaluated
 * with the standalone DMN engine, remembering which rules matched.
 */
final class DecisionTable {

    private final DmnEngine engine;
    private final DmnDecision decision;
    private final List<String> matchedRuleIds = new ArrayList<>();

    DecisionTable(String decisionId) {
        DmnDecisionTableEvaluationListener recorder = this::record;
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(recorder))
                .buildEngine();
        try (InputStream in = DecisionTable.class.getResourceAsStream("/dmn/" + decisionId + ".dmn")) {
            assertThat(in).as("%s.dmn on the classpath", decisionId).isNotNull();
            decision = engine.parseDecision(decisionId, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Evaluation evaluate(Inputs inputs) {
        matchedRuleIds.clear();
        DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, inputs.asMap());
        return new Evaluation(result, List.copyOf(matchedRuleIds));
    }

    private void record(DmnDecisionTableEvaluationEvent event) {
        event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRuleIds::add);
    }

    /** What one evaluation gave: the rows' outputs and the ids of the rules that produced them. */
    record Evaluation(DmnDecisionTableResult result, List<String> matchedRuleIds) {

        /** The id of the one rule that decided (hit policy FIRST). */
        String ruleId() {
            assertThat(matchedRuleIds).as("matched rules").hasSize(1);
            return matchedRuleIds.get(0);
        }

        /** The outputs of the one rule that decided. */
        Map<String, Object> outputs() {
            assertThat(result.getResultList()).as("results").hasSize(1);
            return result.getSingleResult().getEntryMap();
        }

        /** One output of every matched rule, in rule order (hit policy COLLECT). */
        <T> List<T> collect(String output) {
            return result.collectEntries(output);
        }
    }
}
