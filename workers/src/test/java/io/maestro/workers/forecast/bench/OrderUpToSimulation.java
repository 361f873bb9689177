package io.maestro.workers.forecast.bench;

/**
 * Periodic review, order-up-to: at the start of each month the order placed a month before arrives (clearing
 * backorders first), then an order brings the inventory position up to that month's level (it arrives a month
 * later), then the month's demand is served from what is on hand; what cannot be served is backordered. The
 * first month starts with its level on hand and nothing on order.
 */
final class OrderUpToSimulation {

    private OrderUpToSimulation() {
    }

    /** Units served from stock on demand, and the sum of end-of-month units on hand. */
    record Outcome(double demand, double served, double onHandMonths) {
    }

    static Outcome run(double[] demand, long[] levels) {
        double net = levels[0];
        double arriving = 0;
        double served = 0;
        double total = 0;
        double onHand = 0;
        for (int month = 0; month < demand.length; month++) {
            net += arriving;
            arriving = Math.max(0, levels[month] - net);
            served += Math.min(Math.max(net, 0), demand[month]);
            total += demand[month];
            net -= demand[month];
            onHand += Math.max(net, 0);
        }
        return new Outcome(total, served, onHand);
    }
}
