package io.maestro.workers.allocate;

import java.math.BigDecimal;
import java.util.List;

/**
 * What re-optimising the open, unreleased orders together would save against their current plans
 * (costs under each order's policy, as the engine counts them), and what was applied.
 */
public record WaveReport(boolean dryRun, int ordersConsidered, BigDecimal currentCost, BigDecimal optimisedCost,
                         BigDecimal savings, boolean provenOptimal, double solverSeconds, List<Change> changes) {

    /**
     * One order whose plan would change (or changed, when {@code applied}). {@code outcome}: DRY_RUN, APPLIED (the
     * order's process took the plan), SKIPPED (its process is past the point a re-plan is safe), KEPT (the new stock
     * was taken meanwhile); {@code note} says why in words.
     */
    public record Change(String orderId, String channel, BigDecimal currentCost, BigDecimal newCost,
                         List<String> currentNodes, List<String> newNodes, boolean applied, String outcome, String note) {
    }
}
