package io.maestro.app.simulation;

import io.maestro.core.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * A decision as loaded: its label for reports ("vN" or "candidate"), what makes it the same table as another
     * ({@code identity}: the deployed definition, or this variant's candidate), its rules' annotations and the words of
     * its file (a variable it never names cannot change its outcome).
     */
    record Table(String key, String label, String identity, DmnDecision decision, Map<String, String> annotations,
                 Set<String> words) {
    }

    /** What an evaluation gave: each matched rule's outputs, and the rules ("key:ruleId"). */
    record Evaluation(List<Map<String, Object>> results, List<String> rules) {
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, Table> tables = new HashMap<>();
    private final Map<String, Evaluation> evaluations;
    /** The rules the evaluation running on this thread matched (orders' decisions are evaluated in parallel). */
    private final ThreadLocal<List<String>> matched = ThreadLocal.withInitial(ArrayList::new);
    private final DmnEngine engine;

    private DecisionTables(Map<String, Evaluation> evaluations) {
        this.evaluations = evaluations;
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
            @Override
            public void notify(DmnDecisionTableEvaluationEvent event) {
                for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
                    matched.get().add(event.getDecision().getKey() + ":" + rule.getId());
                }
            }
        }));
        this.engine = configuration.buildEngine();
    }

    /**
     * The tables of a variant: its choices over the latest deployed versions; a bad choice names its field. Variants
     * share {@code evaluations}: a table evaluated with the same values of the variables it names gives the same
     * outcome, so the same table is evaluated once for them (FEEL is the dearest part of a replayed order).
     */
    static DecisionTables of(RepositoryService repository, Map<String, SimulationRequest.DecisionChoice> choices,
                             String field, Map<String, Evaluation> evaluations) {
        DecisionTables tables = new DecisionTables(evaluations);
        for (String key : List.of(SCREENING, POLICY, ELIGIBILITY)) {
            SimulationRequest.DecisionChoice choice = choices == null ? null : choices.get(key);
            tables.tables.put(key, tables.load(repository, key, choice, field + ".decisions." + key));
        }
        return tables;
    }

    private Table load(RepositoryService repository, String key, SimulationRequest.DecisionChoice choice, String field) {
        if (choice != null && choice.xml() != null) {
            return parse(key, "candidate", field, choice.xml().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    field + ".xml");
        }
        var query = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key);
        DecisionDefinition definition = choice != null && choice.version() != null
                ? query.decisionDefinitionVersion(choice.version()).singleResult() : query.latestVersion().singleResult();
        if (definition == null) {
            throw new InvalidRequestException(field + (choice != null && choice.version() != null ? ".version" : ""),
                    "no such deployed version of " + key);
        }
        try (InputStream xml = repository.getDecisionModel(definition.getId())) {
            return parse(key, "v" + definition.getVersion(), definition.getId(), xml.readAllBytes(), field);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Table parse(String key, String label, String identity, byte[] xml, String field) {
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
            Set<String> words = new HashSet<>();
            Matcher word = WORD.matcher(new String(xml, java.nio.charset.StandardCharsets.UTF_8));
            while (word.find()) {
                words.add(word.group());
            }
            return new Table(key, label, identity, decision, annotations, words);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidRequestException(field, "is not a DMN file with decision " + key + ": " + e.getMessage());
        }
    }

    /** Evaluates decision {@code key} (or finds it evaluated with the same values); its rules go to {@code rulesHit}. */
    List<Map<String, Object>> evaluate(String key, Map<String, Object> variables, List<String> rulesHit) {
        Table table = tables.get(key);
        StringBuilder cacheKey = new StringBuilder(table.identity());
        new java.util.TreeMap<>(variables).forEach((name, value) -> {
            if (table.words().contains(name)) {
                cacheKey.append('|').append(name).append('=').append(value);
            }
        });
        Evaluation evaluation = evaluations.computeIfAbsent(cacheKey.toString(), k -> {
            matched.get().clear();
            DmnDecisionResult result = engine.evaluateDecision(table.decision(), variables);
            List<Map<String, Object>> results = new ArrayList<>();
            result.forEach(entries -> results.add(java.util.Collections.unmodifiableMap(new HashMap<>(entries.getEntryMap()))));
            return new Evaluation(List.copyOf(results), List.copyOf(matched.get()));
        });
        rulesHit.addAll(evaluation.rules());
        return evaluation.results();
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
