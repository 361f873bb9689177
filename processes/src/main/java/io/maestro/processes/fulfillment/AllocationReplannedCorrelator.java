package io.maestro.processes.fulfillment;

import io.maestro.core.StateConflictException;
import io.maestro.core.inventory.InsufficientStockException;
import io.maestro.workers.allocate.ReplanDelivery;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Delivers a wave re-plan to the order's {@code order-fulfillment} process as message {@code AllocationReplanned},
 * in a transaction of its own per order, and answers what became of it. A re-plan is safe only while every shipment
 * it replaces is still waiting to be released: its {@code shipment-execution} instance is at
 * {@code Task_ReleaseToNode} and no job executor is running that release. Otherwise the order is skipped, with the
 * reason; the process itself refuses a shipment released meanwhile (the release holds the shipment's row).
 */
@Component
public class AllocationReplannedCorrelator implements ReplanDelivery {

    private static final Logger log = LoggerFactory.getLogger(AllocationReplannedCorrelator.class);
    private static final String RELEASE_STEP = "Task_ReleaseToNode";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TransactionTemplate transaction;

    public AllocationReplannedCorrelator(RuntimeService runtime, ManagementService management,
                                         PlatformTransactionManager transactions) {
        this.runtime = runtime;
        this.management = management;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Delivery deliver(Replan replan) {
        try {
            return transaction.execute(status -> correlate(replan));
        } catch (RuntimeException e) {
            Delivery refused = refused(e);
            if (refused == null) {
                log.warn("Re-plan of {} failed; the order keeps its plan", replan.orderId(), e);
                return skipped("failed, nothing changed: " + e.getMessage());
            }
            log.info("Re-plan of {} not applied: {}", replan.orderId(), refused.note());
            return refused;
        }
    }

    private Delivery correlate(Replan replan) {
        Optional<ProcessInstance> order = Optional.ofNullable(runtime.createProcessInstanceQuery()
                .processDefinitionKey("order-fulfillment").processInstanceBusinessKey(replan.orderId()).active()
                .singleResult());
        if (order.isEmpty()) {
            return skipped("the order has no running order-fulfillment process");
        }
        if (replan.replacedShipmentIds().isEmpty()) {
            return skipped("the order has no planned shipment to replace");
        }
        for (String shipmentId : replan.replacedShipmentIds()) {
            Optional<String> unsafe = notWaitingToRelease(replan.orderId(), shipmentId);
            if (unsafe.isPresent()) {
                return skipped(unsafe.get());
            }
        }
        runtime.createMessageCorrelation(AllocationReplanned.MESSAGE).processInstanceId(order.get().getId())
                .setVariables(AllocationReplanned.of(replan).variables()).correlate();
        return new Delivery(Outcome.APPLIED, "applied by the order's process: " + replan.replacedShipmentIds()
                + " withdrawn, " + replan.shipments().size() + " new shipment(s) executing");
    }

    /** Why the shipment's process is not at the point where replacing it is safe; empty when it is. */
    private Optional<String> notWaitingToRelease(String orderId, String shipmentId) {
        List<ProcessInstance> executions = runtime.createProcessInstanceQuery().processDefinitionKey("shipment-execution")
                .processInstanceBusinessKey(orderId).variableValueEquals("shipmentId", shipmentId).list();
        if (executions.size() != 1) {
            return Optional.of("shipment " + shipmentId + " has " + executions.size()
                    + " shipment-execution processes, not one waiting to release it");
        }
        Job release = management.createJobQuery().processInstanceId(executions.get(0).getId()).activityId(RELEASE_STEP)
                .singleResult();
        if (release == null) {
            return Optional.of("shipment " + shipmentId + " is past its release step");
        }
        if (release instanceof JobEntity job && job.getLockOwner() != null && job.getLockExpirationTime() != null
                && job.getLockExpirationTime().after(new Date())) {
            return Optional.of("shipment " + shipmentId + " is being released right now");
        }
        return Optional.empty();
    }

    private static Delivery skipped(String why) {
        return new Delivery(Outcome.SKIPPED, why);
    }

    /** What a refusal means for the wave; null for a failure nobody expected. */
    private static Delivery refused(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InsufficientStockException) {
                return new Delivery(Outcome.KEPT, "kept the current plan: " + t.getMessage());
            }
            if (t instanceof StateConflictException) {
                return skipped(t.getMessage());
            }
            if (t instanceof OptimisticLockingException) {
                return skipped("the order's process moved on meanwhile");
            }
        }
        return null;
    }
}
