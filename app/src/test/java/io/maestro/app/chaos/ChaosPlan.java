package io.maestro.app.chaos;

import java.util.List;

/**
 * One chaos run, as generated: the orders (each with its lines, address and the steps sent to it after intake) and
 * the partner outages switched on and off while they run.
 */
record ChaosPlan(List<OrderPlan> orders, List<FaultPlan> faults) {

    /** What an operator, a client or a partner does to a running order. */
    enum Action {
        CANCEL, CHANGE_ADDRESS, HOLD_RELEASE, CANCEL_LINE, HOLD_CANCEL_LINE_RELEASE,
        DUPLICATE_EVENT, LATE_EVENT, OUT_OF_ORDER_EVENT
    }

    /** {@code skuIndex} into {@link ChaosStock#SKUS}. */
    record LinePlan(int skuIndex, int quantity) {
    }

    /**
     * {@code afterMs} after the previous step (or the intake); {@code lineNo} and {@code units} are cut down to the
     * order's lines; {@code address} indexes {@link ChaosStock#ADDRESSES}; {@code repeat}: the command is sent again
     * with its commandId, which must answer the same.
     */
    record Step(Action action, long afterMs, int lineNo, int units, int address, boolean repeat) {
    }

    record OrderPlan(List<LinePlan> lines, int address, boolean shipComplete, List<Step> steps) {
    }

    /** {@code partner}: a node id or a carrier; down from {@code atMs} after the first order for {@code forMs}. */
    record FaultPlan(String partner, long atMs, long forMs) {
    }

    int steps() {
        return orders.stream().mapToInt(o -> o.steps().size()).sum();
    }
}
