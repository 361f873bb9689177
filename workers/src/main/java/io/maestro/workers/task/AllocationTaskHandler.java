package io.maestro.workers.task;

import io.maestro.core.db.TransientFailures;
import io.maestro.workers.allocate.AllocationContentionException;
import io.maestro.workers.allocate.AllocationOutcome;
import io.maestro.workers.allocate.NoFeasibleAllocationException;
import io.maestro.workers.allocate.OrderAllocation;
import io.maestro.workers.allocate.OrderCancelledException;
import io.maestro.core.order.Shipment;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.camunda.bpm.client.exception.RestException;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the allocation topics share: the order is the task's business key (or variable {@code orderId}),
 * {@code excludedNodes} (comma-separated) are left out, the policy variables DMN {@code fulfillment-policy}
 * decided ({@code costWeight}, {@code maxShipments}, {@code promiseDays}, …) are put over the defaults; the task completes with the plan's summary, or
 * throws BPMN error {@code NoFeasibleAllocation} with the reason; contention (deadlocks the allocation's own
 * retries did not get past, stock taken by other orders, a busy process instance) is reported with the task's
 * retries kept, so it is fetched again shortly and never becomes an incident; other failures are retried, then
 * become incidents. The task id is the attempt key, so a task fetched twice reserves once.
 */
public abstract class AllocationTaskHandler implements ExternalTaskHandler {

    /** The candidate plans as a Markdown table, shown on the operator's form. */
    public static final String CANDIDATE_PLAN_TABLE = "candidatePlanTable";
    private static final int MAX_TEXT = 3900;
    private static final long RETRY_AFTER_MILLIS = 10_000;
    private static final long CONTENTION_RETRY_MILLIS = 500;
    private static final Logger log = LoggerFactory.getLogger(AllocationTaskHandler.class);

    protected final OrderAllocation allocation;
    private final int retries;

    protected AllocationTaskHandler(OrderAllocation allocation, int retries) {
        this.allocation = allocation;
        this.retries = retries;
    }

    public abstract String topic();

    protected abstract AllocationOutcome run(ExternalTask task, String orderId, Set<String> excludedNodes);

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        String orderId = task.getVariable("orderId") != null ? task.getVariable("orderId") : task.getBusinessKey();
        try {
            AllocationOutcome outcome = run(task, orderId, excludedNodes(task));
            complete(task, service, summary(outcome));
        } catch (NoFeasibleAllocationException e) {
            service.handleBpmnError(task, NoFeasibleAllocationException.BPMN_ERROR_CODE, clip(e.getMessage()),
                    nothingAllocated(clip(e.getMessage()), e.candidatePlans()));
        } catch (OrderCancelledException e) {
            log.info("{}; the task ended with the order's process", e.getMessage());
        } catch (RuntimeException e) {
            if (passing(e)) {
                int kept = task.getRetries() == null ? retries : task.getRetries();
                log.info("Allocating order {} met contention, fetched again shortly ({} retries kept): {}", orderId, kept,
                        e.getMessage());
                service.handleFailure(task, clip(String.valueOf(e.getMessage())), stackTrace(e), kept,
                        CONTENTION_RETRY_MILLIS + ThreadLocalRandom.current().nextLong(CONTENTION_RETRY_MILLIS));
                return;
            }
            int left = task.getRetries() == null ? retries - 1 : task.getRetries() - 1;
            log.warn("Allocating order {} failed ({} retries left)", orderId, left, e);
            service.handleFailure(task, clip(String.valueOf(e.getMessage())), stackTrace(e), Math.max(0, left),
                    RETRY_AFTER_MILLIS);
        }
    }

    /**
     * Completes the task; a completion the engine refused for a passing reason (the process instance was busy, a
     * deadlock on the engine's side) is sent again. The allocation is done by then: a retry of the whole task would
     * only find it done ({@code repeated}).
     */
    private static void complete(ExternalTask task, ExternalTaskService service, Map<String, Object> variables) {
        for (int attempt = 1; ; attempt++) {
            try {
                service.complete(task, variables);
                return;
            } catch (RuntimeException e) {
                if (attempt >= TransientFailures.MAX_ATTEMPTS || !passing(e)) {
                    throw e;
                }
                TransientFailures.pause(attempt);
            }
        }
    }

    /**
     * Failures that pass by themselves and must not use up a retry: other orders took the planned stock, the database
     * broke a deadlock, the engine's process instance was changed concurrently (as the engine REST reports it).
     */
    static boolean passing(Throwable e) {
        if (e instanceof AllocationContentionException || TransientFailures.isTransient(e)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RestException rest && "OptimisticLockingException".equals(rest.getType())) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("OptimisticLockingException") || message.contains("deadlock detected")
                    || message.contains("could not serialize access") || message.contains("Deadlock detected")) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> excludedNodes(ExternalTask task) {
        String excluded = task.getVariable("excludedNodes");
        if (excluded == null || excluded.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(excluded.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /**
     * What the process reads of the plan: the shipments and whether units are missing; when they are, also the fill
     * rate, the explanation and the candidate plans as a table (the shortfall decision and the operator read them). The
     * plan itself, its cost and its explanation are on the order's timeline.
     */
    private static Map<String, Object> summary(AllocationOutcome outcome) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("shipmentIds", outcome.shipments().stream().map(Shipment::shipmentId).collect(Collectors.joining(",")));
        variables.put("shipmentCount", outcome.shipments().size());
        variables.put("unfilledUnits", outcome.unfilledUnits());
        variables.put("fullyAllocated", outcome.unfilledUnits() == 0);
        if (outcome.unfilledUnits() > 0) {
            variables.put("fillRate", outcome.fillRate());
            variables.put("allocationExplanation", clip(outcome.explanation()));
            variables.put(CANDIDATE_PLAN_TABLE, table(outcome.candidatePlans()));
        }
        return variables;
    }

    /** The summary of an allocation that placed nothing, so the process never reads a previous round's plan. */
    private static Map<String, Object> nothingAllocated(String reason, String candidatePlans) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CANDIDATE_PLAN_TABLE, table(candidatePlans));
        variables.put("allocationFailureReason", reason);
        variables.put("allocationExplanation", reason);
        variables.put("shipmentIds", "");
        variables.put("shipmentCount", 0);
        variables.put("fillRate", 0.0);
        variables.put("fullyAllocated", false);
        return variables;
    }

    /** The table, or a sentence where there is none (an allocation carried out before: its plan is on the timeline). */
    private static String table(String candidatePlans) {
        return candidatePlans != null ? candidatePlans : "The candidate plans of this allocation are on the order's timeline.";
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    private static String stackTrace(Throwable e) {
        return Arrays.stream(e.getStackTrace()).limit(30).map(StackTraceElement::toString)
                .collect(Collectors.joining("\n", e + "\n", ""));
    }
}
