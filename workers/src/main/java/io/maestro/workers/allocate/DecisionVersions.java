package io.maestro.workers.allocate;

/**
 * Which version of a decision table decides for an order: the latest, unless a rollout gives the order's slice
 * another (the processes' decision rollouts, where an engine runs).
 */
public interface DecisionVersions {

    int versionFor(String decisionKey, String orderId);
}
