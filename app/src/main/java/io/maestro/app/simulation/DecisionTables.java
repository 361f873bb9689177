package io.maestro.app.simulation;

import io.maestro.core.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The decision tables one variant evaluates, parsed in memory by a DMN engine of its own (nothing is deployed and
 * no decision history is written): a deployed version, the latest unless told, or a candidate file. Remembers the
 * rules each evaluation matched, with their annotations.
 */
final class DecisionTables {

    static final String SCREENING = "order-screening";
    static final String POLICY = "fulfillment-policy";
    static final String ELIGIBILITY = "node-eligibility";

    /** A decision as loaded: its label for reports (key and version, or "candidate") and its rules' annotations. */
    record Table(String key, String label, DmnDecision decision, Map<String, String> annotations) {
    }

    private final Map<String, Table> tables = new HashMap<>();
    private final List<String> matched = new ArrayList<>();
    private final DmnEngine engine;

    private DecisionTables() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
            @Override
            public void notify(DmnDecisionTableEvaluationEvent event) {
                for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
                    matched.add(event.getDecision().getKey() + ":" + rule.getId());
                }
            }
        }));
        this.engine = configuration.buildEngine();
    }

    /** The tables of a variant: its choices over the latest deployed versions; a bad choice names its field. */
    static DecisionTables of(RepositoryService repository, Map<String, SimulationRequest.DecisionChoice> choices,
                             String field) {
        DecisionTables tables = new DecisionTables();
        for (String key : List.of(SCREENING, POLICY, ELIGIBILITY)) {
            SimulationRequest.DecisionChoice choice = choices == null ? null : choices.get(key);
            tables.tables.put(key, tables.load(repository, key, choice, field + ".decisions." + key));
        }
        return tables;
    }

    private Table load(RepositoryService repository, String key, SimulationRequest.DecisionChoice choice, String field) {
        if (choice != null && choice.xml() != null) {
            return parse(key, "candidate", choice.xml().getBytes(java.nio.charset.StandardCharsets.UTF_8), field + ".xml");
        }
        var query = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key);
        DecisionDefinition definition = choice != null && choice.version() != null
                ? query.decisionDefinitionVersion(choice.version()).singleResult() : query.latestVersion().singleResult();
        if (definition == null) {
            throw new InvalidRequestException(field + (choice != null && choice.version() != null ? ".version" : ""),
                    "no such deployed version of " + key);
        }
        try (InputStream xml = repository.getDecisionModel(definition.getId())) {
            return parse(key, "v" + definition.getVersion(), xml.readAllBytes(), field);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Table parse(String key, String label, byte[] xml, String field) {
        try {
            DmnDecision decision = engine.parseDecision(key, new ByteArrayInputStream(xml));
            if (!decision.isDecisionTable()) {
                throw new InvalidRequestException(field, "decision " + key + " is not a decision table");
            }
            Map<String, String> annotations = new HashMap<>();
            for (Rule rule : Dmn.readModelFromStream(new ByteArrayInputStream(xml)).getModelElementsByType(Rule.class)) {
                if (rule.getDescription() != null && rule.getDescription().getTextContent() != null) {
                    annotations.put(rule.getId(), rule.getDescription().getTextContent().trim());
                }
            }
            return new Table(key, label, decision, annotations);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidRequestException(field, "is not a DMN file with decision " + key + ": " + e.getMessage());
        }
    }

    /** Evaluates decision {@code key}; the rules it matched are added to {@code rulesHit} ("key:ruleId"). */
    DmnDecisionResult evaluate(String key, Map<String, Object> variables, List<String> rulesHit) {
        matched.clear();
        DmnDecisionResult result = engine.evaluateDecision(tables.get(key).decision(), variables);
        rulesHit.addAll(matched);
        return result;
    }

    /** "key vN" or "key candidate" for each table. */
    Map<String, String> labels() {
        Map<String, String> labels = new java.util.TreeMap<>();
        tables.values().forEach(t -> labels.put(t.key(), t.label()));
        return labels;
    }

    /** The annotation of a rule hit ("key:ruleId"), or empty. */
    String annotation(String hit) {
        int colon = hit.indexOf(':');
        Table table = tables.get(hit.substring(0, colon));
        return table == null ? "" : table.annotations().getOrDefault(hit.substring(colon + 1), "");
    }
}
