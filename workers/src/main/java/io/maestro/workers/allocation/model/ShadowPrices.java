package io.maestro.workers.allocation.model;

/**
 * What a unit at a node is worth to the orders still to come (a bid price), from the batch bound's prices of
 * stock and capacity. The optimiser charges it per unit taken when choosing a plan; the plan's cost
 * breakdown does not include it.
 */
@FunctionalInterface
public interface ShadowPrices {

    ShadowPrices NONE = (nodeId, sku) -> 0;

    double perUnit(String nodeId, String sku);
}
