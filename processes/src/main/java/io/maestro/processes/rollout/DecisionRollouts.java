package io.maestro.processes.rollout;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.NotFoundException;
import io.maestro.core.db.Database;
import io.maestro.core.rollout.Rollout;
import io.maestro.core.rollout.RolloutStatus;
import io.maestro.core.rollout.RolloutStore;
import io.maestro.core.rollout.Slice;
import io.maestro.workers.allocate.DecisionVersions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Soft launches of decision tables. {@link #start} deploys a candidate table and lets it decide only the orders of a
 * slice; every other order keeps the version in force before (the base). {@link #promote} lets the candidate decide
 * every order; {@link #rollBack} returns every order to the base, until a version newer than the candidate is
 * deployed. Which version decides an order is the workers' {@link DecisionVersions}, the one choice the business
 * rule tasks ({@link DecisionVersionBinding}) and a worker without an engine make alike; a change made here is read
 * there at once on this node, within {@link DecisionVersions#REFRESH} on the others.
 */
@Service
public class DecisionRollouts {

    private static final Logger log = LoggerFactory.getLogger(DecisionRollouts.class);

    private final RolloutStore store;
    private final RepositoryService repository;
    private final DecisionVersions versions;
    private final Database db;
    private final PerOrderDecisions perOrder;

    public DecisionRollouts(RolloutStore store, @Lazy RepositoryService repository, DecisionVersions versions,
                            Database db, PerOrderDecisions perOrder) {
        this.store = store;
        this.repository = repository;
        this.versions = versions;
        this.db = db;
        this.perOrder = perOrder;
    }

    /**
     * Deploys {@code dmnXml} as the candidate version of {@code decisionKey} and starts its rollout to {@code slice},
     * in one transaction: a table that does not parse, or whose decision is not {@code decisionKey}, deploys nothing.
     */
    @Transactional
    public Rollout start(String decisionKey, byte[] dmnXml, Slice slice, String actor) {
        if (dmnXml == null || dmnXml.length == 0) {
            throw new InvalidRequestException("file", "the candidate decision table (.dmn) is required");
        }
        if (!perOrder.contains(decisionKey)) {
            throw new InvalidRequestException("decisionKey", decisionKey + " is not a table a process decides per order "
                    + "(those are: " + String.join(", ", perOrder.keys()) + ")");
        }
        int base = versions.versionFor(decisionKey, null);
        store.latest(decisionKey).filter(r -> r.status() == RolloutStatus.ACTIVE).ifPresent(r -> {
            throw new RolloutConflictException("Decision " + decisionKey + " is already being rolled out (rollout " + r.id()
                    + ", version " + r.candidateVersion() + " to " + r.slice().describe() + "): promote or roll it back first");
        });
        Deployment deployment;
        try {
            deployment = repository.createDeployment().name("rollout of " + decisionKey)
                    .addString(decisionKey + ".dmn", new String(dmnXml, StandardCharsets.UTF_8)).deploy();
        } catch (RuntimeException e) {
            throw new InvalidRequestException("file", "is not a decision table the engine can deploy: " + e.getMessage());
        }
        DecisionDefinition candidate = repository.createDecisionDefinitionQuery().deploymentId(deployment.getId())
                .decisionDefinitionKey(decisionKey).singleResult();
        if (candidate == null) {
            throw new InvalidRequestException("file", "holds no decision with the id " + decisionKey + " (it has "
                    + repository.createDecisionDefinitionQuery().deploymentId(deployment.getId()).list().stream()
                    .map(DecisionDefinition::getKey).collect(Collectors.joining(", ")) + ")");
        }
        Rollout rollout = new Rollout(UUID.randomUUID().toString(), decisionKey, base, candidate.getVersion(), slice,
                RolloutStatus.ACTIVE, db.now(), actor, null, null);
        try {
            store.insert(rollout);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            throw new RolloutConflictException("Decision " + decisionKey + " is already being rolled out");
        }
        forgetOnCommit(decisionKey);
        log.info("Rollout {} of {}: version {} decides {}; version {} the rest (by {})", rollout.id(), decisionKey,
                rollout.candidateVersion(), slice.describe(), base, actor);
        return rollout;
    }

    @Transactional
    public Rollout promote(String decisionKey, String rolloutId, String actor) {
        return end(decisionKey, rolloutId, RolloutStatus.PROMOTED, actor);
    }

    @Transactional
    public Rollout rollBack(String decisionKey, String rolloutId, String actor) {
        return end(decisionKey, rolloutId, RolloutStatus.ROLLED_BACK, actor);
    }

    private Rollout end(String decisionKey, String rolloutId, RolloutStatus status, String actor) {
        Rollout rollout = get(decisionKey, rolloutId);
        if (!store.end(rolloutId, status, actor)) {
            throw new RolloutConflictException("Rollout " + rolloutId + " of " + decisionKey + " is " + rollout.status()
                    + ", not ACTIVE: it can no longer be " + (status == RolloutStatus.PROMOTED ? "promoted" : "rolled back"));
        }
        forgetOnCommit(decisionKey);
        log.info("Rollout {} of {}: {} by {}", rolloutId, decisionKey, status, actor);
        return store.find(rolloutId).orElseThrow();
    }

    public Rollout get(String decisionKey, String rolloutId) {
        return store.find(rolloutId).filter(r -> r.decisionKey().equals(decisionKey))
                .orElseThrow(() -> new NotFoundException("Rollout of " + decisionKey, rolloutId));
    }

    /** A deployed decision table: its latest version, the version an order outside any slice gets, its last rollout. */
    public record Table(String key, String name, int latestVersion, int versionInForce, Optional<Rollout> lastRollout) {
    }

    /** Every decision table deployed, by key. */
    public List<Table> tables() {
        return repository.createDecisionDefinitionQuery().latestVersion().withoutTenantId()
                .orderByDecisionDefinitionKey().asc().list().stream()
                .map(d -> new Table(d.getKey(), d.getName(), d.getVersion(), versions.versionFor(d.getKey(), null),
                        store.latest(d.getKey())))
                .toList();
    }

    /** The table's rollouts, newest first. */
    public List<Rollout> of(String decisionKey) {
        return store.ofDecision(decisionKey);
    }

    /** Forgets the table now and once the change commits, so no evaluation in between keeps the old state. */
    private void forgetOnCommit(String decisionKey) {
        versions.forget(decisionKey);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    versions.forget(decisionKey);
                }
            });
        }
    }
}
