package io.maestro.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.db.Database;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The decisions an order's process took, as its timeline holds them: one {@code DECISION} entry per evaluation of a
 * decision table, by {@code dmn:<key>:v<version>}, with the rules that matched, why, and their outputs. Written as a
 * process decides; read by whoever needs what was decided for the order without the engine (the wave
 * re-optimisation plans each order under the policy decided for it).
 */
@Component
public class DecisionEntries {

    public static final String TYPE = "DECISION";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final AuditTrail audit;
    private final Database db;

    /** A rule that matched: its id, its annotation (why), and its outputs by name. */
    public record MatchedRule(String rule, String why, Map<String, Object> outputs) {
    }

    public DecisionEntries(AuditTrail audit, Database db) {
        this.audit = audit;
        this.db = db;
    }

    /** Who decided: the table and its version. */
    public static String actor(String decisionKey, int version) {
        return actorPrefix(decisionKey) + version;
    }

    private static String actorPrefix(String decisionKey) {
        return "dmn:" + decisionKey + ":v";
    }

    /** Records that version {@code version} of {@code decisionKey} decided for the order, in the caller's transaction. */
    public void record(String orderId, String decisionKey, int version, List<MatchedRule> rules) {
        List<Map<String, Object>> matched = new ArrayList<>();
        for (MatchedRule rule : rules) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rule", rule.rule());
            entry.put("why", rule.why());
            entry.put("outputs", rule.outputs());
            matched.add(entry);
        }
        String why = rules.isEmpty() ? "no rule matched" : rules.stream()
                .map(r -> r.rule() + " (" + r.why() + ") → " + r.outputs()).collect(Collectors.joining("; "));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("decision", decisionKey);
        details.put("version", version);
        details.put("rules", matched);
        audit.record(orderId, TYPE, null, actor(decisionKey, version), decisionKey + " v" + version + ": " + why, details);
    }

    /**
     * The rules that matched when {@code decisionKey} last decided for the order (empty: none matched); empty when it
     * never decided for it.
     */
    public Optional<List<MatchedRule>> latest(String orderId, String decisionKey) {
        return db.jdbc().query("select details from order_event where order_id = ? and type = ? and actor like ? "
                        + "order by id desc fetch first 1 rows only", (rs, i) -> rs.getString(1), orderId, TYPE,
                actorPrefix(decisionKey) + "%").stream().findFirst().map(DecisionEntries::rules);
    }

    private static List<MatchedRule> rules(String detailsJson) {
        try {
            List<MatchedRule> rules = new ArrayList<>();
            for (JsonNode rule : JSON.readTree(detailsJson).path("rules")) {
                Map<String, Object> outputs = new LinkedHashMap<>();
                rule.path("outputs").fields().forEachRemaining(o -> outputs.put(o.getKey(), value(o.getValue())));
                rules.add(new MatchedRule(rule.path("rule").asText(), rule.path("why").asText(), outputs));
            }
            return rules;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A decision entry's details are not JSON: " + detailsJson, e);
        }
    }

    /** An output as the table typed it: a number, true/false, a text, or null. */
    private static Object value(JsonNode node) {
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.asText();
    }
}
