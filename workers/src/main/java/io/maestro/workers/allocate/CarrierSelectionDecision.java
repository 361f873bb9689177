package io.maestro.workers.allocate;

import io.maestro.core.carrier.CarrierConstraint;
import io.maestro.core.carrier.CarrierSelection;
import io.maestro.core.carrier.ServiceLevel;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Evaluates DMN {@code carrier-selection}, for the optimiser and the label step alike: the version that decides for the
 * order ({@link DecisionVersions}: the latest, unless a decision rollout gives the order's slice another — the same
 * choice on an engine node and in a worker that runs no engine). It reads the table from the engine's repository
 * tables on the shared database, so a worker that runs no engine follows a newly deployed table and a rollout too, and
 * evaluates it with a DMN engine of its own (no decision history is written). Each distinct set of inputs is
 * evaluated once per version: parcels ask again and again.
 */
@Component
public class CarrierSelectionDecision implements CarrierSelection {

    public static final String DECISION = "carrier-selection";
    private static final String ANY = "ANY";
    private static final String DEFINITION = "select ID_ from ACT_RE_DECISION_DEF where KEY_ = ? "
            + "and TENANT_ID_ is null and VERSION_ = ?";

    private final JdbcTemplate jdbc;
    private final DecisionVersions versions;
    private final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    /** The versions evaluated so far, by definition id, with their answers. */
    private final Map<String, Version> parsed = new ConcurrentHashMap<>();

    private record Version(int version, DmnDecision decision, Map<Facts, CarrierConstraint> answers) {
    }

    public CarrierSelectionDecision(JdbcTemplate jdbc, DecisionVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    @Override
    public CarrierConstraint decide(String orderId, Facts facts) {
        int number = versions.versionFor(DECISION, orderId);
        String id = jdbc.queryForObject(DEFINITION, String.class, DECISION, number);
        Version version = parsed.computeIfAbsent(id, i -> load(i, number));
        return version.answers().computeIfAbsent(facts,
                f -> answer(engine, version.decision(), DECISION + " v" + version.version(), f));
    }

    private Version load(String id, int number) {
        byte[] xml = jdbc.queryForObject("select b.BYTES_ from ACT_RE_DECISION_DEF d join ACT_GE_BYTEARRAY b "
                + "on b.DEPLOYMENT_ID_ = d.DEPLOYMENT_ID_ and b.NAME_ = d.RESOURCE_NAME_ where d.ID_ = ?", byte[].class, id);
        return new Version(number, engine.parseDecision(DECISION, new ByteArrayInputStream(xml)), new ConcurrentHashMap<>());
    }

    /** The answer of {@code decision} (a version of the table, named {@code table} in errors) for {@code facts}. */
    static CarrierConstraint answer(DmnEngine engine, DmnDecision decision, String table, Facts facts) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("promiseDays", facts.promiseDays());
        inputs.put("hazmat", facts.hazmat());
        inputs.put("oversize", facts.oversize());
        inputs.put("customerTier", facts.customerTier());
        inputs.put("serviceUpgrade", facts.serviceUpgrade());
        DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, inputs);
        if (result.isEmpty()) {
            throw new IllegalStateException(table + " matched no rule for " + facts);
        }
        Map<String, Object> answer = result.get(0).getEntryMap();
        String carrier = text(answer, "carrier", ANY, table);
        Set<String> carriers = ANY.equals(carrier) ? Set.of() : Arrays.stream(carrier.split(","))
                .map(String::trim).filter(c -> !c.isEmpty()).collect(Collectors.toSet());
        return new CarrierConstraint(carriers, Boolean.TRUE.equals(answer.get("licenceRequired")),
                level(answer, "service", ServiceLevel.GROUND, table), level(answer, "maxService", ServiceLevel.OVERNIGHT, table),
                Boolean.TRUE.equals(answer.get("freeUpgrade")), text(answer, "reason", "", table));
    }

    private static ServiceLevel level(Map<String, Object> answer, String output, ServiceLevel otherwise, String table) {
        String name = text(answer, output, otherwise.name(), table);
        return ServiceLevel.named(name).orElseThrow(() -> new IllegalStateException(table + " output " + output + " is "
                + name + ", not one of " + Arrays.toString(ServiceLevel.values())));
    }

    private static String text(Map<String, Object> answer, String output, String otherwise, String table) {
        Object value = answer.get(output);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalStateException(table + " output " + output + " must be a string, not " + value);
    }
}
