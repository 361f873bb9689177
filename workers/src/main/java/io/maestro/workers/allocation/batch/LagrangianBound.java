package io.maestro.workers.allocation.batch;

import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.ShadowPrices;
import io.maestro.workers.allocation.problem.AllocationProblem;
import io.maestro.workers.allocation.problem.Assignment;
import io.maestro.workers.allocation.realtime.BranchAndBoundAllocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A lower bound on what any allocation of a set of orders can cost on shared stock and capacity, at exact
 * prices: stock per (node, SKU) and capacity per node are priced instead of enforced, every order is then
 * optimised alone by the real-time optimiser with those prices added per unit, and the prices are improved by subgradient steps.
 * For any non-negative prices, Σ orders' priced optima − Σ prices × stock and capacity is a lower bound;
 * the best one found is returned. It is at least as tight as the LP relaxation of the linear wave model at
 * the optimal prices, needs no LP solver, and is valid only when every order's optimum was proven.
 */
public final class LagrangianBound {

    /**
     * The bound, how many price rounds it took, whether every per-order optimum was proven, and the prices
     * that gave the bound — usable as shadow prices when the orders are then allocated one by one.
     */
    public record Result(double bound, int rounds, boolean valid, ShadowPrices prices) {
    }

    static final String CAPACITY = "\u0000capacity";
    /** Rounds without a better bound before the step is halved. */
    private static final int PATIENCE = 6;

    private final int rounds;

    public LagrangianBound(int rounds) {
        this.rounds = rounds;
    }

    /**
     * @param orders     the orders, each against the same opening stock and capacity
     * @param upperBound the cost of a known allocation of all of them, to size the steps
     */
    public Result compute(List<AllocationRequest> orders, double upperBound) {
        return compute(orders, upperBound, Map.of());
    }

    /**
     * The same, starting from known prices per unit of stock ("node|SKU") and capacity, for example those of
     * {@link CandidatePlanOptimizer} on windows of the orders.
     */
    public Result compute(List<AllocationRequest> orders, double upperBound, Map<String, Double> startPrices) {
        Map<String, Integer> limit = new HashMap<>();
        for (AllocationRequest request : orders) {
            AllocationProblem p = AllocationProblem.of(request);
            for (int n = 0; n < p.nodes.length; n++) {
                for (int i = 0; i < p.lines.length; i++) {
                    limit.put(key(p.nodes[n].id(), p.lines[i].sku()), p.avail[n][p.sku[i]]);
                }
                if (p.capUnits[n] != Node.UNLIMITED) {
                    limit.put(key(p.nodes[n].id(), CAPACITY), p.capUnits[n]);
                }
            }
        }
        Map<String, Double> price = new HashMap<>(startPrices);
        BranchAndBoundAllocator optimiser = new BranchAndBoundAllocator();
        double best = Double.NEGATIVE_INFINITY;
        Map<String, Double> bestPrices = Map.of();
        double scale = 1.0;
        int sinceBetter = 0;
        boolean valid = true;
        int round = 0;
        for (; round < rounds; round++) {
            Map<String, Integer> used = new HashMap<>();
            double value = 0;
            ShadowPrices surcharge = pricesOf(price);
            for (AllocationRequest request : orders) {
                AllocationProblem p = AllocationProblem.of(request, surcharge);
                Assignment assignment = optimiser.assign(p);
                valid &= assignment.proven();
                int[][] take = assignment.take();
                value += p.evaluate(take);
                for (int n = 0; n < p.nodes.length; n++) {
                    for (int i = 0; i < p.lines.length; i++) {
                        if (take[i][n] > 0) {
                            used.merge(key(p.nodes[n].id(), p.lines[i].sku()), take[i][n], Integer::sum);
                            if (p.capUnits[n] != Node.UNLIMITED) {
                                used.merge(key(p.nodes[n].id(), CAPACITY), take[i][n], Integer::sum);
                            }
                        }
                    }
                }
            }
            double norm = 0;
            List<String> keys = new ArrayList<>(limit.keySet());
            Map<String, Double> gradient = new HashMap<>();
            for (String k : keys) {
                value -= price.getOrDefault(k, 0.0) * limit.get(k);
                double g = used.getOrDefault(k, 0) - limit.get(k);
                if (g > 0 || price.getOrDefault(k, 0.0) > 0) {
                    gradient.put(k, g);
                    norm += g * g;
                }
            }
            if (value > best + 1e-9) {
                best = value;
                bestPrices = Map.copyOf(price);
                sinceBetter = 0;
            } else if (++sinceBetter >= PATIENCE) {
                scale /= 2;
                sinceBetter = 0;
            }
            if (norm == 0) {
                round++;
                break;
            }
            double step = scale * Math.max(upperBound - value, 0.01 * Math.abs(upperBound)) / norm;
            gradient.forEach((k, g) -> price.put(k, Math.max(0, price.getOrDefault(k, 0.0) + step * g)));
        }
        return new Result(best, round, valid, pricesOf(bestPrices));
    }

    private static ShadowPrices pricesOf(Map<String, Double> price) {
        return (nodeId, sku) -> price.getOrDefault(key(nodeId, sku), 0.0)
                + price.getOrDefault(key(nodeId, CAPACITY), 0.0);
    }

    private static String key(String nodeId, String sku) {
        return nodeId + "|" + sku;
    }
}
