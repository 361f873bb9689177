package io.maestro.workers.allocation;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Batch (wave) allocation over candidate plans, by column generation, at exact costs.
 *
 * <p>Each order chooses exactly one of its candidate plans (a column: its units per node and line, and its
 * exact cost by the cost rules); together the chosen plans keep to each node's stock per SKU and its pick
 * capacity. Every order starts with two candidates: leaving it unfilled and its given starting plan.
 * <ol>
 *   <li>The relaxation of this choice (GLOP, or CLP for large waves) prices each unit of stock and capacity (its dual value).</li>
 *   <li>B2 finds each order's best plan at those prices; a plan cheaper than what the order pays in the
 *       relaxation becomes a new candidate. Σ orders' priced optima − Σ prices × stock and capacity is a lower
 *       bound on every allocation of these orders (Lagrangian duality; valid as B2's optima are proven), at the
 *       exact step-priced costs, not a linearised model. Repeat until no order finds a better plan (the
 *       relaxation is then optimal and equals the bound) or the pricing time is up.</li>
 *   <li>SCIP chooses one candidate per order, as integers, within the remaining time, starting from the
 *       starting plans.</li>
 *   <li>Proof by reduced-cost enumeration (see {@link #prove}): every plan that can be part of an allocation
 *       no dearer than the choice is added as a candidate, when there are few enough; SCIP's optimum over
 *       them is then the optimum of the whole plan-choice model.</li>
 * </ol>
 * The choice is proven optimal when its cost meets the Lagrangian bound (within 0.01 %), or when the
 * enumeration completed and SCIP proved its choice over the candidates optimal. Time limits count the CPU
 * time of the calling thread ({@link #clockNanos}).
 */
public final class CandidatePlanOptimizer {

    /**
     * The chosen plan per order (in each order's own problem indices), its exact cost, the lower bound and
     * whether it is valid (every per-order optimum proven), whether the plans are proven optimal, the pricing
     * rounds and candidate plans it took, and the last prices of stock ("node|SKU") and capacity per unit, as
     * {@link LagrangianBound} keys them.
     */
    public record Solution(List<int[][]> takes, double cost, double bound, boolean boundValid, boolean optimal,
                           int rounds, int columns, double seconds, Map<String, Double> prices) {

        /** How far the cost lies above the bound, in percent. */
        public double gapPercent() {
            return bound > 0 ? 100 * (cost - bound) / bound : Double.NaN;
        }
    }

    private static final double TOLERANCE = 1e-6;
    private static final double PRICE_TOLERANCE = 1e-9;
    private static final double INTEGRAL = 1e-6;
    /** Above this many orders the relaxation goes to CLP, whose dual simplex re-solves it faster than GLOP. */
    private static final int LARGE_WAVE = 500;
    /**
     * Above this many orders the relaxation starts as {@link VolumeDual} (CLP took 15-18 CPU-s per solve on
     * 10,000 orders when it found its rows itself) and goes to CLP later; the choice comes from the prices.
     */
    private static final int LARGE_WAVE_FOR_LP = 5_000;
    /**
     * In a large wave, once this share of the pricing time has passed (the candidates nearly complete), the
     * relaxation goes from the volume algorithm to CLP.
     */
    private static final double EXACT_AT = 0.3;
    /**
     * A large wave prices for at most this share of its time: there the bound is within about 0.1 % of the
     * relaxation by then, and the neighbourhood search gains more with the time than more pricing would.
     */
    private static final double LARGE_WAVE_PRICING_SHARE = 0.6;
    /**
     * SCIP without presolving: on tens of thousands of candidates its presolving takes longer than the search it
     * would shorten (S: 15.6 CPU-s with it, 4.3 without), and in a neighbourhood it finds nothing to remove.
     */
    private static final String NO_PRESOLVE = "\npresolving/maxrounds = 0";
    /** SCIP's clock: the process's CPU time, which here is mostly the optimising thread's (see {@link #clockNanos}). */
    private static final String CPU_CLOCK = "timing/clocktype = 1";
    /**
     * SCIP in the proof stage, where the incumbent is known (the hint) and only the bound matters: no presolving,
     * no primal heuristics (those running before the root LP took 1.3 of SCIP's 5 CPU-s on S's 49,585 candidates,
     * and on an optimal incumbent none can succeed), no Gomory or aggregation (c-MIR) cuts (each round of them
     * took about 0.3 CPU-s there; the gap closes by the other separators' cuts at the root). SCIP 5.0 CPU-s on S
     * by default, 1.6 with these. Its clock is the wall clock: the process's CPU time sums all of the JVM's
     * threads, so it also counts the JVM's own work (such as collecting the proof's tens of thousands of
     * candidates) and is slower to read, and SCIP reads it often; with it the whole run on S took 3.8-4.5 CPU-s
     * and ended unproven in two of six runs, with the wall clock 3.4-3.7 CPU-s, all proven. The wall clock runs
     * no slower than the thread's CPU time, so the proof still keeps the CPU budget.
     */
    private static final String PROOF_SETTINGS = "timing/clocktype = 2" + NO_PRESOLVE + "\nseparating/gomory/freq = -1"
            + "\nseparating/aggregation/freq = -1" + heuristicsOff("trivial", "trivialnegation", "zeroobj", "locks",
            "clique", "vbounds", "completesol", "shiftandpropagate", "rens", "alns", "feaspump", "oneopt",
            "rounding", "simplerounding", "shifting", "intshifting", "randrounding", "adaptivediving",
            "farkasdiving", "conflictdiving", "distributiondiving", "fracdiving", "guideddiving", "linesearchdiving",
            "pscostdiving", "veclendiving", "rootsoldiving");
    /**
     * Per candidate, the CPU time SCIP takes outside its own clock in the proof stage: building its model,
     * loading it into SCIP and freeing it (on S about 0.75 CPU-s for 49,585 candidates). Nothing else follows
     * the proof's SCIP, so its time limit leaves only this.
     */
    private static final double SCIP_SECONDS_OUTSIDE_ITS_CLOCK = 1.5e-5;
    /** The proof stage does not start SCIP with less time than this: its root LP alone takes about 0.6 CPU-s on S. */
    private static final double MIN_PROOF_SECONDS = 0.5;
    /** SCIP's time limit leaves this much of the run's time for what follows it. */
    private static final double SCIP_MARGIN = 0.25;
    /** The whole choice goes to SCIP again, from the best so far, when at least this much time is left. */
    private static final double MIN_SCIP_SECONDS = 1.0;
    /**
     * The orders the relaxation splits are chosen again by SCIP, with the orders whose plans draw on the same
     * priced stock or capacity, and theirs, this many times over.
     */
    private static final int NEIGHBOURHOOD_HOPS = 2;
    /**
     * The orders a neighbourhood of the large-neighbourhood search re-chooses, about: on L SCIP proves its choice
     * for 200 optimal in about 0.08 CPU-s, and many small neighbourhoods gain more in the time than fewer large ones
     * (1,000 orders: 0.3-1.5 CPU-s each, B3 about 500 dearer after the same time).
     */
    private static final int NEIGHBOURHOOD_ORDERS = 200;
    /**
     * Through each stock limit it reaches, a neighbourhood takes in at most this many orders, so that it spans many
     * of the seed's contested limits and their orders' limits rather than the hundreds of orders on one (B3 on L,
     * one run each: 2 212,396, 5 212,222, 10 212,422, 50 212,539; without this 212,662-212,789 in three).
     */
    private static final int NEIGHBOURS_PER_LIMIT = 5;
    /**
     * Once this many seeds gave a cheaper choice, the search starts again from the orders that lose most: around a
     * changed choice the orders often gain again (on L, three starts, 20 CPU-s each: 23-244 cheaper than sweeping on
     * through the 1,000 seeds).
     */
    private static final int SEEDS_PER_SWEEP = 100;
    /** SCIP's time per neighbourhood. */
    private static final double NEIGHBOURHOOD_SECONDS = 1;
    /**
     * SCIP stops a neighbourhood once its choice is within 0.1 % of its bound (about $4 on 200 orders), rather
     * than 0.01 %: on L the same start then took 440 neighbourhoods in 20 CPU-s instead of 280, and ended about 100
     * cheaper (with the holders first, see {@link #neighbourhood}).
     */
    private static final String NEIGHBOURHOOD_GAP = "\nlimits/gap = 0.001";
    /**
     * A large wave's greedy choice takes the candidate the relaxed choice gives at least this share of its order
     * (rounding the relaxation), else its cheapest candidate at the bound's prices.
     */
    private static final double ROUNDED = 0.5;
    /** A choice this close (relative) to the bound is proven optimal: SCIP's default relative gap. */
    private static final double PROVEN_GAP = 1e-4;
    /** Pricing stops once the relaxation is this close (relative) to the bound. */
    private static final double GAP_TO_STOP = 1e-5;
    /**
     * Prices for pricing are this share of the best-bound prices so far plus the rest of the relaxation's
     * (Wentges smoothing): the relaxation's own prices swing wildly while it has few candidates.
     */
    private static final double SMOOTHING = 0.5;
    /**
     * When the window has too many plans within the whole gap, the proof stage first enumerates the plans within
     * this share of it (see {@link #prove}).
     */
    private static final double FIRST_CEILING_SHARE = 0.25;
    /** The proof stage gives up (the choice stays unproven) when an order has more plans within the gap. */
    private static final int MAX_PLANS_PER_ORDER = 50_000;
    /** ... or the window more plans within the gap than SCIP can choose among in time. */
    private static final int MAX_ENUMERATED = 100_000;

    private final double timeLimitSeconds;
    private final double pricingShare;
    private final int largeWave;
    private final BranchAndBoundAllocator pricer = new BranchAndBoundAllocator();

    /**
     * @param timeLimitSeconds the whole run's time
     * @param pricingShare     the share of it for pricing; the rest is the integer choice's
     */
    public CandidatePlanOptimizer(double timeLimitSeconds, double pricingShare) {
        this(timeLimitSeconds, pricingShare, LARGE_WAVE_FOR_LP);
    }

    /** @param largeWave above this many orders the relaxation's prices come from {@link VolumeDual}, not an LP */
    CandidatePlanOptimizer(double timeLimitSeconds, double pricingShare, int largeWave) {
        this.timeLimitSeconds = timeLimitSeconds;
        this.pricingShare = pricingShare;
        this.largeWave = largeWave;
    }

    /**
     * @param orders the orders, each on the same stock and capacity
     * @param starts a feasible plan for all of them together (for example the real-time plans one after another)
     */
    public Solution optimise(List<AllocationProblem> orders, List<int[][]> starts) {
        long start = clockNanos();
        WaveOptimizer.loadNatives();
        Columns columns = new Columns(orders, starts);
        boolean large = orders.size() > largeWave;
        double pricingEnds = (large ? Math.min(pricingShare, LARGE_WAVE_PRICING_SHARE) : pricingShare)
                * timeLimitSeconds;
        Pricing pricing = price(orders, columns, start, pricingEnds, EXACT_AT * pricingEnds, true);
        diversify(orders, columns, pricing.lastPrice(), pricing.relaxation(), start, pricingEnds);
        return choose(orders, columns, start, pricing.bound(), pricing.boundValid() && pricing.rounds() > 0,
                pricing.rounds(), pricing.lastPrice(), pricing.boundPrice(), pricing.relaxation());
    }

    /**
     * The lower bound alone: column generation as in {@link #optimise}, for the whole time or until the relaxation
     * meets the bound (then both are the LP relaxation of the whole plan-choice model). A large wave's volume
     * algorithm hands over to CLP when B3 given the same time would.
     */
    public RelaxationBound relaxationBound(List<AllocationProblem> orders, List<int[][]> starts) {
        long start = clockNanos();
        WaveOptimizer.loadNatives();
        Pricing pricing = price(orders, new Columns(orders, starts), start, timeLimitSeconds,
                EXACT_AT * LARGE_WAVE_PRICING_SHARE * timeLimitSeconds, false);
        return new RelaxationBound(pricing.bound(), pricing.boundValid() && pricing.rounds() > 0,
                pricing.relaxed(), pricing.rounds(), elapsed(start));
    }

    /**
     * The Lagrangian bound column generation proved, whether it is valid, the relaxation's last value over the
     * candidates (an upper bound of the LP relaxation; NaN while a large wave is still on the volume algorithm),
     * the pricing rounds and the CPU seconds it took.
     */
    public record RelaxationBound(double bound, boolean valid, double relaxation, int rounds, double seconds) {

        /** Whether the relaxation met the bound: the bound is then the LP relaxation's value. */
        public boolean converged() {
            return valid && relaxation - bound <= GAP_TO_STOP * Math.max(1, Math.abs(bound)) + TOLERANCE;
        }
    }

    /**
     * What pricing left: the best bound, whether it is valid, the rounds, the relaxation's last value, the last
     * (smoothed) prices, the prices of the best bound, and the relaxed choice per candidate.
     */
    private record Pricing(double bound, boolean boundValid, int rounds, double relaxed, double[] lastPrice,
                           double[] boundPrice, double[] relaxation) {
    }

    /**
     * Column generation until {@code pricingEnds} seconds: the relaxation over the candidates prices stock and
     * capacity, B2 finds each order's best plan at those prices, a plan cheaper than what the order pays in the
     * relaxation becomes a candidate, and every round's priced optima give a Lagrangian bound. A large wave starts
     * on the volume algorithm and goes to CLP after {@code exactAt} seconds. {@code forChoice}: the relaxed choice
     * is wanted for the integer choice (a small wave solves its relaxation once more for it).
     */
    private Pricing price(List<AllocationProblem> orders, Columns columns, long start, double pricingEnds,
                          double exactAt, boolean forChoice) {
        double bound = Double.NEGATIVE_INFINITY;
        boolean boundValid = true;
        int rounds = 0;
        double[] pricedValue = new double[orders.size()];
        int[][][] pricedTake = new int[orders.size()][][];
        int[] pricedRound = new int[orders.size()];
        Arrays.fill(pricedRound, -1);
        int[] changedRound = new int[columns.limits.size()];
        double[] lastPrice = new double[columns.limits.size()];
        double[] center = new double[columns.limits.size()];
        boolean smoothing = true;
        double relaxed = Double.NaN;
        double[] relaxation;
        boolean large = orders.size() > largeWave;
        MPSolver lp = large ? null : MPSolver.createSolver(orders.size() > LARGE_WAVE ? "CLP" : "GLOP");
        try {
            VolumeDual volumeDual = large ? new VolumeDual(columns, costOf(columns, columns.starts())) : null;
            Relaxation master = large ? volumeDual : new Master(lp, columns);
            while (elapsed(start) < pricingEnds) {
                master.solve(start, pricingEnds);
                // the volume algorithm's value lies below its restricted relaxation's, so only an LP's counts
                relaxed = master instanceof Master ? master.value() : Double.NaN;
                double[] dual = master.prices();
                double weight = smoothing ? SMOOTHING : 0;
                for (int r = 0; r < dual.length; r++) {
                    double price = weight * center[r] + (1 - weight) * dual[r];
                    if (Math.abs(price - lastPrice[r]) > PRICE_TOLERANCE) {
                        changedRound[r] = rounds;
                        lastPrice[r] = price;
                    }
                }
                ShadowPrices shadow = columns.shadowPrices(lastPrice);
                double lagrangian = -columns.valueOfLimits(lastPrice);
                boolean proven = true;
                int added = 0;
                for (int o = 0; o < orders.size(); o++) {
                    if (pricedRound[o] < 0 || columns.pricesMoved(o, changedRound, pricedRound[o])) {
                        AllocationProblem priced = orders.get(o).withPrices(shadow);
                        Assignment best = pricer.assign(priced);
                        proven &= best.proven();
                        pricedTake[o] = best.take();
                        pricedValue[o] = priced.evaluate(pricedTake[o]);
                        pricedRound[o] = rounds;
                    }
                    if (pricedValue[o] < master.orderDual(o) - TOLERANCE) {
                        int before = columns.all.size();
                        columns.add(o, pricedTake[o]);
                        added += columns.all.size() - before;
                    }
                    lagrangian += pricedValue[o];
                }
                rounds++;
                if (!proven) {
                    boundValid = false;
                } else if (lagrangian > bound) {
                    bound = lagrangian;
                    center = lastPrice.clone();
                    if (volumeDual != null) {
                        volumeDual.floor = bound;
                        volumeDual.center = center;
                    }
                }
                if (master instanceof Master && relaxed - bound <= GAP_TO_STOP * Math.max(1, Math.abs(bound))
                        || (added == 0 && !smoothing)) {
                    break;
                }
                smoothing = added > 0;
                if (master instanceof VolumeDual volume
                        && elapsed(start) >= exactAt) {
                    lp = MPSolver.createSolver("CLP");
                    master = exactMaster(lp, columns, volume.prices(), center);
                    smoothing = true;
                }
            }
            if (large) {
                if (master != volumeDual && boundValid) {
                    // the relaxation's own last prices, unsmoothed, often bound better (on L about 0.1 % higher)
                    double[] dual = master.prices();
                    PricedOptima unsmoothed = pricedOptima(orders, columns, dual, Double.POSITIVE_INFINITY, start);
                    if (unsmoothed != null && unsmoothed.bound() > bound) {
                        bound = unsmoothed.bound();
                        center = dual;
                    }
                }
                // CLP's own relaxed choice (a vertex) once it took over, else the volume algorithm's averaged one
                relaxation = master.values();
            } else {
                if (forChoice) {
                    master.solve(start, Double.POSITIVE_INFINITY);
                }
                relaxation = master.values();
            }
        } finally {
            if (lp != null) {
                lp.delete();
            }
        }
        return new Pricing(bound, boundValid, rounds, relaxed, lastPrice, center, relaxation);
    }

    /**
     * Each order priced at λ, its priced optimum (B2's, proven) and L(λ) = Σ priced optima − λ·limits, a lower bound
     * of the window for any λ ≥ 0.
     */
    private record PricedOptima(List<AllocationProblem> priced, double[] value, double bound) {
    }

    /**
     * The orders' priced optima at {@code price}; null when one is not proven or the run's clock passes
     * {@code until} seconds.
     */
    private PricedOptima pricedOptima(List<AllocationProblem> orders, Columns columns, double[] price, double until,
                                      long start) {
        ShadowPrices shadow = columns.shadowPrices(price);
        double lagrangian = -columns.valueOfLimits(price);
        List<AllocationProblem> priced = new ArrayList<>();
        double[] value = new double[orders.size()];
        for (int o = 0; o < orders.size(); o++) {
            if (elapsed(start) > until) {
                return null;
            }
            AllocationProblem p = orders.get(o).withPrices(shadow);
            Assignment best = pricer.assign(p);
            if (!best.proven()) {
                return null;
            }
            priced.add(p);
            value[o] = p.evaluate(best.take());
            lagrangian += value[o];
        }
        return new PricedOptima(priced, value, lagrangian);
    }

    /**
     * The relaxation over the candidates so far for CLP, with rows from the start for the limits priced at
     * either prices given (the rest as its solution exceeds them): the volume algorithm stalls about 1.5 % below
     * it on L, and with those rows CLP solves it in about 6 CPU-s and re-solves it from its last basis.
     */
    private static Master exactMaster(MPSolver clp, Columns columns, double[] prices, double[] center) {
        Master exact = new Master(clp, columns, true);
        for (int r = 0; r < prices.length; r++) {
            if (prices[r] > 0 || center[r] > 0) {
                exact.activate(r);
            }
        }
        return exact;
    }

    /**
     * More candidates where stock or capacity is contested: for each order whose relaxed choice draws on priced
     * stock or capacity, its best plan at the prices without each node that choice ships from.
     */
    private void diversify(List<AllocationProblem> orders, Columns columns, double[] price, double[] relaxation,
                           long start, double until) {
        ShadowPrices shadow = columns.shadowPrices(price);
        int known = relaxation.length;
        for (int c = 0; c < known && elapsed(start) < until; c++) {
            Column column = columns.all.get(c);
            if (relaxation[c] <= INTEGRAL || Arrays.stream(column.resources).allMatch(r -> price[r] == 0)) {
                continue;
            }
            AllocationProblem p = orders.get(column.order);
            for (int n = 0; n < p.nodes.length; n++) {
                boolean ships = false;
                for (int i = 0; i < p.lines.length; i++) {
                    ships |= column.take[i][n] > 0;
                }
                if (ships) {
                    AllocationRequest without = p.request().reallocation(p.request().order().lines(),
                            Set.of(p.nodes[n].id()));
                    AllocationProblem alternative = AllocationProblem.of(without, shadow);
                    columns.add(column.order, p.takeOf(alternative.plan(pricer.assign(alternative).take())));
                }
            }
        }
    }

    /**
     * One candidate per order: the orders the relaxation gives one whole candidate keep it unless it draws on
     * stock or capacity that split orders want too; SCIP chooses for the others within what those leave, starting from a greedy choice (cheapest candidate that still fits,
     * order by order). The starting plans are kept if they cost less. Then SCIP again over all orders and
     * candidates in the time left, and, if SCIP finished early, the proof stage.
     */
    private Solution choose(List<AllocationProblem> orders, Columns columns, long start, double bound,
                            boolean boundValid, int rounds, double[] price, double[] boundPrice,
                            double[] relaxation) {
        int[] chosen = orders.size() <= largeWave ? chooseByRelaxation(orders, columns, price, relaxation, start)
                : chooseByPrices(orders, columns, boundPrice, relaxation, start);
        Proof proof = orders.size() <= largeWave && boundValid && timeLimitSeconds - elapsed(start) > MIN_SCIP_SECONDS
                ? prove(orders, columns, chosen, boundPrice, start) : Proof.NONE;
        bound = Math.max(bound, proof.bound());
        double cost = costOf(columns, chosen);
        List<int[][]> takes = new ArrayList<>();
        for (int o = 0; o < orders.size(); o++) {
            takes.add(AllocationProblem.copy(columns.all.get(chosen[o]).take));
        }
        boolean optimal = boundValid && rounds > 0
                && (proof.optimal() || cost - bound <= PROVEN_GAP * Math.max(1, Math.abs(bound)));
        Map<String, Double> prices = new HashMap<>();
        columns.resourceIndex.forEach((key, r) -> {
            if (price[r] > 0) {
                prices.put(key, price[r]);
            }
        });
        return new Solution(takes, cost, bound, boundValid, optimal, rounds, columns.all.size(), elapsed(start),
                prices);
    }

    /**
     * One candidate per order from the relaxed choice: the orders it gives one whole candidate keep it unless it
     * draws on stock or capacity that split orders want too; SCIP chooses for the others within what those
     * leave, starting from a greedy choice (cheapest candidate that still fits, order by order). The starting
     * plans are kept if they cost less; then each order is polished and SCIP chooses again over all orders and
     * candidates in the time left.
     */
    private int[] chooseByRelaxation(List<AllocationProblem> orders, Columns columns, double[] price,
                                     double[] relaxation, long start) {
        int[] chosen = new int[orders.size()];
        Arrays.fill(chosen, -1);
        for (int c = 0; c < relaxation.length; c++) {
            if (relaxation[c] >= 1 - INTEGRAL) {
                chosen[columns.all.get(c).order] = c;
            }
        }
        for (int hop = 0; hop < NEIGHBOURHOOD_HOPS; hop++) {
            boolean[] contested = new boolean[columns.limits.size()];
            for (Column column : columns.all) {
                if (chosen[column.order] < 0) {
                    for (int r : column.resources) {
                        contested[r] |= price[r] > 0;
                    }
                }
            }
            for (int o = 0; o < chosen.length; o++) {
                if (chosen[o] >= 0) {
                    for (int r : columns.all.get(chosen[o]).resources) {
                        if (contested[r]) {
                            chosen[o] = -1;
                            break;
                        }
                    }
                }
            }
        }
        int[] left = columns.limits.stream().mapToInt(Integer::intValue).toArray();
        for (int c : chosen) {
            if (c >= 0) {
                columns.all.get(c).take(left);
            }
        }
        List<List<Integer>> candidates = new ArrayList<>();
        for (int o = 0; o < orders.size(); o++) {
            candidates.add(new ArrayList<>());
        }
        for (int c = 0; c < columns.all.size(); c++) {
            candidates.get(columns.all.get(c).order).add(c);
        }
        List<Integer> open = new ArrayList<>();
        List<Integer> everyOrder = new ArrayList<>();
        for (int o = 0; o < orders.size(); o++) {
            candidates.get(o).sort(Comparator.comparingDouble(c -> columns.all.get(c).cost));
            everyOrder.add(o);
            if (chosen[o] < 0) {
                open.add(o);
            }
        }
        int[] greedyLeft = left.clone();
        for (int o : open) {
            for (int c : candidates.get(o)) {
                if (columns.all.get(c).fits(greedyLeft)) {
                    chosen[o] = c;
                    columns.all.get(c).take(greedyLeft);
                    break;
                }
            }
        }
        if (!open.isEmpty()) {
            chooseOpen(columns, open, candidates, left, chosen, start);
        }
        if (costOf(columns, columns.starts()) < costOf(columns, chosen)) {
            chosen = columns.starts();
        }
        polish(orders, columns, chosen, start);
        if (timeLimitSeconds - elapsed(start) > MIN_SCIP_SECONDS) {
            chooseOpen(columns, everyOrder, candidatesOf(orders, columns),
                    columns.limits.stream().mapToInt(Integer::intValue).toArray(), chosen, start);
        }
        return chosen;
    }

    /**
     * One candidate per order for waves too large for SCIP in time, by rounding the relaxed choice: orders it is
     * surest of choose first, each the candidate it gives at least half the order (else its cheapest candidate at
     * the bound's prices, cost plus the prices of what it uses) if that fits what the orders before it left, else
     * B2's plan at the prices on what they left. The orders the relaxation gives a whole candidate come first (with
     * CLP's relaxed choice, which keeps the limits, they all fit). The starting plans are kept if they cost less;
     * each order is polished; then the large-neighbourhood search ({@link #improve}).
     */
    private int[] chooseByPrices(List<AllocationProblem> orders, Columns columns, double[] price,
                                 double[] relaxation, long start) {
        double[] priced = new double[columns.all.size()];
        double[] certainty = new double[orders.size()];
        for (int c = 0; c < priced.length; c++) {
            Column column = columns.all.get(c);
            priced[c] = column.cost;
            for (int k = 0; k < column.resources.length; k++) {
                priced[c] += price[column.resources[k]] * column.units[k];
            }
            if (c < relaxation.length) {
                certainty[column.order] = Math.max(certainty[column.order], relaxation[c]);
            }
        }
        Integer[] sequence = new Integer[orders.size()];
        for (int o = 0; o < sequence.length; o++) {
            sequence[o] = o;
        }
        Arrays.sort(sequence, Comparator.comparingDouble(o -> -certainty[o]));
        int[] left = columns.limits.stream().mapToInt(Integer::intValue).toArray();
        int[] chosen = new int[orders.size()];
        ShadowPrices shadow = columns.shadowPrices(price);
        for (int o : sequence) {
            int best = rounded(columns.ofOrder.get(o), relaxation, priced);
            if (!columns.all.get(best).fits(left)) {
                AllocationProblem p = orders.get(o);
                AllocationProblem rest = residual(p, columns, left, shadow);
                best = columns.add(o, p.takeOf(rest.plan(pricer.assign(rest).take())));
            }
            chosen[o] = best;
            columns.all.get(best).take(left);
        }
        if (costOf(columns, columns.starts()) < costOf(columns, chosen)) {
            chosen = columns.starts();
        }
        polish(orders, columns, chosen, start);
        improve(orders, columns, chosen, price, start);
        return chosen;
    }

    /**
     * The candidate (of {@code candidates}, one order's) the relaxed choice gives at least {@link #ROUNDED} of the
     * order, else the one with the least {@code priced} cost; candidates beyond the relaxation count as 0.
     */
    static int rounded(List<Integer> candidates, double[] relaxation, double[] priced) {
        int best = -1;
        for (int c : candidates) {
            if (c < relaxation.length && relaxation[c] >= ROUNDED) {
                return c;
            }
            if (best < 0 || priced[c] < priced[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Large-neighbourhood search: while time is left, the orders whose choice costs most above their cheapest
     * candidate at the bound's prices seed a {@link #neighbourhood}; SCIP chooses for its orders again, the other
     * orders' choices fixed, starting from the current choice, which it replaces only by a cheaper one (so the
     * choice never gets dearer and always keeps the limits). Once {@link #SEEDS_PER_SWEEP} seeds or
     * more were tried and one of them gained, it starts again from the first; it stops when a sweep over all seeds
     * gained nothing.
     */
    private void improve(List<AllocationProblem> orders, Columns columns, int[] chosen, double[] price, long start) {
        boolean[] capacity = new boolean[columns.limits.size()];
        columns.resourceIndex.forEach((key, r) -> capacity[r] = key.endsWith(LagrangianBound.CAPACITY));
        int sweep = 0;
        boolean gained = false;
        while (timeLimitSeconds - elapsed(start) > MIN_SCIP_SECONDS) {
            int[] left = columns.limits.stream().mapToInt(Integer::intValue).toArray();
            for (int c : chosen) {
                columns.all.get(c).take(left);
            }
            double[] loss = new double[orders.size()];
            List<Integer> seeds = new ArrayList<>();
            for (int o = 0; o < orders.size(); o++) {
                double cheapest = Double.POSITIVE_INFINITY;
                for (int c : columns.ofOrder.get(o)) {
                    cheapest = Math.min(cheapest, columns.all.get(c).pricedCost(price));
                }
                loss[o] = columns.all.get(chosen[o]).pricedCost(price) - cheapest;
                if (loss[o] > TOLERANCE) {
                    seeds.add(o);
                }
            }
            if (sweep >= seeds.size() || gained && sweep >= SEEDS_PER_SWEEP) {
                if (!gained) {
                    return;
                }
                sweep = 0;
                gained = false;
            }
            seeds.sort(Comparator.comparingDouble(o -> -loss[o]));
            boolean[] inside = new boolean[orders.size()];
            List<Integer> neighbourhood = new ArrayList<>();
            while (sweep < seeds.size() && neighbourhood.size() < NEIGHBOURHOOD_ORDERS) {
                neighbourhood(columns, seeds.get(sweep++), price, left, capacity, chosen, inside, neighbourhood);
            }
            for (int o : neighbourhood) {
                columns.all.get(chosen[o]).give(left);
            }
            double before = costOf(columns, chosen);
            chooseOpen(columns, neighbourhood, candidatesOf(orders, columns), left, chosen, start,
                    NEIGHBOURHOOD_SECONDS, CPU_CLOCK + NO_PRESOLVE + NEIGHBOURHOOD_GAP, null);
            gained |= costOf(columns, chosen) < before - 1e-9;
        }
    }

    /**
     * Adds {@code seed} and, breadth first, the orders whose candidates share stock with its candidates (stock
     * that is priced or used up; capacity is a node's, shared by thousands of orders, and seldom priced) to the
     * neighbourhood, up to {@link #NEIGHBOURS_PER_LIMIT} through each such stock limit and
     * {@link #NEIGHBOURHOOD_ORDERS} in all: first the orders whose choice holds that stock, as only they can free
     * it, then those whose other candidates want it.
     */
    private static void neighbourhood(Columns columns, int seed, double[] price, int[] left, boolean[] capacity,
                                      int[] chosen, boolean[] inside, List<Integer> neighbourhood) {
        if (inside[seed]) {
            return;
        }
        inside[seed] = true;
        neighbourhood.add(seed);
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(seed));
        boolean[] seen = new boolean[price.length];
        while (!queue.isEmpty() && neighbourhood.size() < NEIGHBOURHOOD_ORDERS) {
            for (int c : columns.ofOrder.get(queue.poll())) {
                for (int r : columns.all.get(c).resources) {
                    if (seen[r] || capacity[r] || price[r] <= 0 && left[r] > 0) {
                        continue;
                    }
                    seen[r] = true;
                    int most = Math.min(NEIGHBOURHOOD_ORDERS, neighbourhood.size() + NEIGHBOURS_PER_LIMIT);
                    List<Integer> using = columns.columnsUsing.get(r);
                    for (int pass = 0; pass < 2; pass++) {
                        for (int j = 0; j < using.size() && neighbourhood.size() < most; j++) {
                            int other = using.get(j);
                            int next = columns.all.get(other).order;
                            boolean holds = chosen[next] == other;
                            if (!inside[next] && holds == (pass == 0)) {
                                inside[next] = true;
                                neighbourhood.add(next);
                                queue.add(next);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * SCIP's choice for the open orders within {@code left}, starting from and replacing theirs in
     * {@code chosen} when it finds a cheaper one in time.
     */
    private MipOutcome chooseOpen(Columns columns, List<Integer> open, List<List<Integer>> candidates, int[] left,
                                  int[] chosen, long start) {
        return chooseOpen(columns, open, candidates, left, chosen, start, Double.POSITIVE_INFINITY, CPU_CLOCK, null);
    }

    /**
     * As above, SCIP given at most {@code seconds}, with the SCIP {@code settings} given ({@link #CPU_CLOCK}, also
     * with {@link #NO_PRESOLVE}, or {@link #PROOF_SETTINGS}), and rows only for the limits in {@code rows} (all when null). SCIP's time
     * limit is what is left once its model is built, at least half a second.
     */
    private MipOutcome chooseOpen(Columns columns, List<Integer> open, List<List<Integer>> candidates, int[] left,
                                  int[] chosen, long start, double seconds, String settings, boolean[] rows) {
        MPSolver mip = MPSolver.createSolver("SCIP");
        try {
            mip.suppressOutput();
            mip.setSolverSpecificParametersAsString(settings);
            mip.objective().setMinimization();
            Map<Integer, MPConstraint> limits = new HashMap<>();
            List<MPVariable> variables = new ArrayList<>();
            List<Integer> columnOf = new ArrayList<>();
            double before = 0;
            for (int o : open) {
                before += columns.all.get(chosen[o]).cost;
                MPConstraint one = mip.makeConstraint(1, 1);
                for (int c : candidates.get(o)) {
                    Column column = columns.all.get(c);
                    MPVariable x = mip.makeBoolVar("c" + c);
                    mip.objective().setCoefficient(x, column.cost);
                    one.setCoefficient(x, 1);
                    for (int k = 0; k < column.resources.length; k++) {
                        int r = column.resources[k];
                        if (rows != null && !rows[r]) {
                            continue;
                        }
                        limits.computeIfAbsent(r, key -> mip.makeConstraint(Double.NEGATIVE_INFINITY, left[key]))
                                .setCoefficient(x, column.units[k]);
                    }
                    variables.add(x);
                    columnOf.add(c);
                }
            }
            double[] values = new double[variables.size()];
            for (int v = 0; v < values.length; v++) {
                int c = columnOf.get(v);
                values[v] = chosen[columns.all.get(c).order] == c ? 1 : 0;
            }
            mip.setHint(variables.toArray(MPVariable[]::new), values);
            mip.setTimeLimit(Math.max(500, (long) (Math.min(seconds, timeLimitSeconds - SCIP_MARGIN - elapsed(start))
                    * 1000)));
            MPSolver.ResultStatus status = mip.solve();
            if ((status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE)
                    && mip.objective().value() < before - 1e-9) {
                for (int v = 0; v < variables.size(); v++) {
                    if (variables.get(v).solutionValue() > 0.5) {
                        int c = columnOf.get(v);
                        chosen[columns.all.get(c).order] = c;
                    }
                }
            }
            boolean solved = status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
            return new MipOutcome(status == MPSolver.ResultStatus.OPTIMAL,
                    solved ? mip.objective().bestBound() : Double.NEGATIVE_INFINITY);
        } finally {
            mip.delete();
        }
    }

    /** SCIP's answer: whether it proved its choice optimal over the candidates given, and its lower bound. */
    private record MipOutcome(boolean optimal, double bestBound) {
    }

    /** The proof stage's result: the lower bound it proves, and whether the choice is proven optimal. */
    private record Proof(double bound, boolean optimal) {
        static final Proof NONE = new Proof(Double.NEGATIVE_INFINITY, false);
    }

    /**
     * Proves the choice optimal, or bounds it, by reduced-cost enumeration. At the bound's prices λ ≥ 0 of stock
     * and capacity, each order o has its priced optimum v_o (B2) and every plan p its reduced cost
     * r_o(p) = cost(p) + λ·use(p) − v_o ≥ 0. Any allocation that keeps the limits costs at least
     * L(λ) + Σ_o r_o(p_o), where L(λ) = Σ_o v_o − λ·limits is the Lagrangian bound; so an allocation no dearer
     * than the incumbent uses in each order a plan with r_o(p) ≤ gap = incumbent − L(λ). Once every such plan
     * is a candidate (B2 enumerates them), the candidates hold an optimal allocation: SCIP's optimum over them
     * is the optimum of the whole plan-choice model, and its lower bound is a lower bound of it.
     *
     * <p>Before SCIP, the candidates that cannot be part of an allocation no dearer than the choice go
     * ({@link #noDearerThan}), and so do the dominated ones ({@link DominatedPlans}); neither changes SCIP's optimum.
     * SCIP then runs with {@link #PROOF_SETTINGS}, the choice as its incumbent: with no heuristics it only has to
     * raise its bound to the choice (within its relative gap), which on S's 49,585 candidates the root's cuts do.
     *
     * <p>When the plans within the whole gap are more than the window can afford, the ceiling rises in steps from a
     * share of the gap: with every plan of reduced cost ≤ g a candidate, an allocation outside the candidates
     * uses some plan above g and costs at least L(λ) + g. SCIP's optimum z over the candidates is therefore optimal
     * once z ≤ L(λ) + g; otherwise g rises to z − L(λ), the most a cheaper allocation's plans can exceed their
     * priced optima by. Before that, min(L(λ) + g, SCIP's bound) is a lower bound of the window.
     */
    private Proof prove(List<AllocationProblem> orders, Columns columns, int[] chosen, double[] price, long start) {
        PricedOptima optima = pricedOptima(orders, columns, price, timeLimitSeconds - MIN_SCIP_SECONDS, start);
        if (optima == null) {
            return Proof.NONE;
        }
        List<AllocationProblem> priced = optima.priced();
        double[] value = optima.value();
        double lagrangian = optima.bound();
        double incumbent = costOf(columns, chosen);
        double gap = incumbent - lagrangian;
        if (gap <= PROVEN_GAP * Math.max(1, Math.abs(lagrangian))) {
            return new Proof(lagrangian, true);
        }
        List<Integer> everyOrder = new ArrayList<>();
        for (int o = 0; o < orders.size(); o++) {
            everyOrder.add(o);
        }
        double bound = lagrangian;
        double ceiling = gap;
        List<List<int[][]>> plans = plansWithin(orders, priced, value, ceiling, start);
        if (plans == null) {
            ceiling = FIRST_CEILING_SHARE * gap;
            plans = plansWithin(orders, priced, value, ceiling, start);
        }
        while (true) {
            if (plans == null) {
                return new Proof(bound, false);
            }
            for (int o = 0; o < orders.size(); o++) {
                for (int[][] take : plans.get(o)) {
                    columns.add(o, take);
                }
            }
            DominatedPlans.Kept kept = proofCandidates(orders, columns, chosen, price, value, lagrangian, ceiling);
            double seconds = timeLimitSeconds - elapsed(start) - kept.count() * SCIP_SECONDS_OUTSIDE_ITS_CLOCK;
            if (seconds < MIN_PROOF_SECONDS && ceiling > FIRST_CEILING_SHARE * gap + TOLERANCE) {
                ceiling = FIRST_CEILING_SHARE * gap;
                kept = proofCandidates(orders, columns, chosen, price, value, lagrangian, ceiling);
                seconds = timeLimitSeconds - elapsed(start) - kept.count() * SCIP_SECONDS_OUTSIDE_ITS_CLOCK;
            }
            if (seconds < MIN_PROOF_SECONDS) {
                return new Proof(bound, false);
            }
            MipOutcome mip = chooseOpen(columns, everyOrder, kept.ofOrder(),
                    columns.limits.stream().mapToInt(Integer::intValue).toArray(), chosen, start,
                    seconds, PROOF_SETTINGS, kept.binding());
            double cost = costOf(columns, chosen);
            boolean complete = ceiling >= cost - lagrangian - TOLERANCE;
            bound = Math.max(bound, Math.min(complete ? cost : lagrangian + ceiling, Math.min(mip.bestBound(), cost)));
            if (!mip.optimal() || complete) {
                return new Proof(bound, mip.optimal() && complete);
            }
            ceiling = cost - lagrangian;
            plans = plansWithin(orders, priced, value, ceiling, start);
        }
    }

    /**
     * The candidates SCIP needs in the proof stage: those within {@code ceiling} of their order's priced optimum
     * that can be part of an allocation no dearer than the choice, without the dominated ones. The choice's plans
     * are replaced by those kept in their place (a choice no dearer that keeps the limits).
     */
    private static DominatedPlans.Kept proofCandidates(List<AllocationProblem> orders, Columns columns, int[] chosen,
                                                       double[] price, double[] value, double lagrangian,
                                                       double ceiling) {
        DominatedPlans.Kept kept = columns.undominated(
                noDearerThan(columns, candidatesOf(orders, columns), chosen, price, value, lagrangian, ceiling));
        System.arraycopy(kept.replace(chosen), 0, chosen, 0, chosen.length);
        return kept;
    }

    /**
     * Per order, the candidates within {@code ceiling} of its priced optimum that can be part of an allocation among
     * them no dearer than the choice (Lagrangian reduced-cost fixing): at the bound's prices an allocation costs
     * L(λ) + Σ_o r_o(p_o) + λ·(limits − use) ≥ L(λ) + Σ_o r_o(p_o), so in one no dearer than the choice
     * Σ_o r_o(p_o) ≤ choice − L(λ). With m_o the least r_o among order o's candidates kept (every allocation among
     * them takes one of those), each order's plan has r_o(p) − m_o ≤ choice − L(λ) − Σ m; a plan above that is
     * dropped, which may raise m_o, so this repeats until nothing drops. The choice's own plans always stay, so
     * SCIP's optimum over the candidates kept is the optimum over all candidates within the ceiling. (On S the
     * column generation's 319 candidates above the gap go, of 49,585.)
     */
    private static List<List<Integer>> noDearerThan(Columns columns, List<List<Integer>> candidates, int[] chosen,
                                                    double[] price, double[] value, double lagrangian,
                                                    double ceiling) {
        double incumbent = costOf(columns, chosen);
        double[] reduced = new double[columns.all.size()];
        for (int c = 0; c < reduced.length; c++) {
            Column column = columns.all.get(c);
            reduced[c] = column.pricedCost(price) - value[column.order];
        }
        List<List<Integer>> kept = new ArrayList<>();
        candidates.forEach(ofOrder -> kept.add(new ArrayList<>(ofOrder)));
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            double[] least = new double[kept.size()];
            double budget = incumbent - lagrangian + TOLERANCE * Math.max(1, Math.abs(incumbent));
            for (int o = 0; o < kept.size(); o++) {
                least[o] = kept.get(o).stream().mapToDouble(c -> reduced[c]).min().orElse(0);
                budget -= least[o];
            }
            for (int o = 0; o < kept.size(); o++) {
                int own = chosen[o];
                double most = Math.min(least[o] + budget, ceiling + TOLERANCE);
                dropped |= kept.get(o).removeIf(c -> c != own && reduced[c] > most);
            }
        }
        return kept;
    }

    /**
     * Per order, every plan within {@code ceiling} of its priced optimum {@code value}; null when an order or the
     * window has more than it can afford or the time runs out.
     */
    private List<List<int[][]>> plansWithin(List<AllocationProblem> orders, List<AllocationProblem> priced,
                                            double[] value, double ceiling, long start) {
        List<List<int[][]>> found = new ArrayList<>();
        int enumerated = 0;
        for (int o = 0; o < orders.size(); o++) {
            if (elapsed(start) > timeLimitSeconds - MIN_SCIP_SECONDS) {
                return null;
            }
            Optional<List<int[][]>> plans = pricer.plansWithin(priced.get(o), value[o] + ceiling,
                    Math.min(MAX_PLANS_PER_ORDER, MAX_ENUMERATED - enumerated));
            if (plans.isEmpty()) {
                return null;
            }
            enumerated += plans.get().size();
            found.add(plans.get());
        }
        return found;
    }

    private static String heuristicsOff(String... names) {
        StringBuilder settings = new StringBuilder();
        for (String name : names) {
            settings.append("\nheuristics/").append(name).append("/freq = -1");
        }
        return settings.toString();
    }

    private static List<List<Integer>> candidatesOf(List<AllocationProblem> orders, Columns columns) {
        List<List<Integer>> candidates = new ArrayList<>();
        for (int o = 0; o < orders.size(); o++) {
            candidates.add(new ArrayList<>());
        }
        for (int c = 0; c < columns.all.size(); c++) {
            candidates.get(columns.all.get(c).order).add(c);
        }
        return candidates;
    }

    /**
     * Order by order, B2's plan on the stock and capacity the other orders' choices leave; a cheaper one
     * replaces the order's choice and joins its candidates.
     */
    private void polish(List<AllocationProblem> orders, Columns columns, int[] chosen, long start) {
        int[] left = columns.limits.stream().mapToInt(Integer::intValue).toArray();
        for (int c : chosen) {
            columns.all.get(c).take(left);
        }
        for (int o = 0; o < orders.size() && elapsed(start) < timeLimitSeconds - MIN_SCIP_SECONDS; o++) {
            Column current = columns.all.get(chosen[o]);
            current.give(left);
            AllocationProblem p = orders.get(o);
            AllocationProblem rest = residual(p, columns, left, ShadowPrices.NONE);
            int[][] take = p.takeOf(rest.plan(pricer.assign(rest).take()));
            if (p.evaluate(take) < current.cost - 1e-9) {
                chosen[o] = columns.add(o, take);
            }
            columns.all.get(chosen[o]).take(left);
        }
    }

    /** Order {@code p} on the stock and capacity {@code left}, with {@code prices} charged per unit. */
    private static AllocationProblem residual(AllocationProblem p, Columns columns, int[] left, ShadowPrices prices) {
        AllocationRequest request = p.request();
        List<Node> nodes = request.nodes().stream().map(n -> {
            Integer r = columns.resourceIndex.get(n.id() + "|" + LagrangianBound.CAPACITY);
            return r == null ? n : n.withRemainingCapacity(left[r], n.remainingShipmentsToday());
        }).toList();
        AtpSnapshot rest = (nodeId, sku) -> {
            Integer r = columns.resourceIndex.get(nodeId + "|" + sku);
            return r == null ? 0 : left[r];
        };
        return AllocationProblem.of(new AllocationRequest(request.order(), request.policy(), nodes, rest,
                request.rateCards()), prices);
    }

    private static double costOf(Columns columns, int[] chosen) {
        double cost = 0;
        for (int c : chosen) {
            cost += columns.all.get(c).cost;
        }
        return cost;
    }

    private static double elapsed(long start) {
        return (clockNanos() - start) / 1e9;
    }

    /**
     * The optimiser's clock: the CPU time of its thread, in which OR-Tools' solvers run too, so a machine shared
     * with other work gives the same plans in more wall time; on a dedicated core the two agree.
     */
    public static long clockNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** A candidate plan of one order: its units, exact cost and the stock and capacity it uses. */
    private record Column(int order, int[][] take, double cost, int[] resources, int[] units) {

        boolean fits(int[] left) {
            for (int k = 0; k < resources.length; k++) {
                if (units[k] > left[resources[k]]) {
                    return false;
                }
            }
            return true;
        }

        void take(int[] left) {
            for (int k = 0; k < resources.length; k++) {
                left[resources[k]] -= units[k];
            }
        }

        void give(int[] left) {
            for (int k = 0; k < resources.length; k++) {
                left[resources[k]] += units[k];
            }
        }

        /** Its cost plus what its stock and capacity are worth at {@code price}. */
        double pricedCost(double[] price) {
            double priced = cost;
            for (int k = 0; k < resources.length; k++) {
                priced += price[resources[k]] * units[k];
            }
            return priced;
        }
    }

    /** A plan's units per line and node, as a key: equal when the units are. */
    private record Take(int[][] units) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Take other && Arrays.deepEquals(units, other.units);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(units);
        }
    }

    /**
     * The candidate plans and the stock and capacity limits they share. A limit is contended once the orders'
     * candidates could together exceed it (each order at its candidate using most of it); only contended limits
     * need a row.
     */
    private static final class Columns {
        final List<AllocationProblem> orders;
        final List<Column> all = new ArrayList<>();
        final List<Map<Take, Integer>> known = new ArrayList<>();
        final int[] startColumn;
        final Map<String, Integer> resourceIndex = new HashMap<>();
        final List<Integer> limits = new ArrayList<>();
        /** [order]: the limits its plans may draw on. */
        final int[][] reach;
        /** [order][node][line]: the stock limit a unit of the line from the node uses; [order][node][lines]: its capacity (-1: none). */
        private final int[][][] resourceOf;
        final List<List<Integer>> columnsUsing = new ArrayList<>();
        /** [order]: per limit it has drawn on, the most any of its candidates takes. */
        final List<Map<Integer, Integer>> most = new ArrayList<>();
        /** [limit]: what the orders would take together if each took its candidate using most of it. */
        final List<Integer> mostTogether = new ArrayList<>();
        /** Limits whose {@link #mostTogether} rose above them since the relaxation last looked. */
        final List<Integer> newlyContended = new ArrayList<>();
        /** [order]: its candidates. */
        final List<List<Integer>> ofOrder = new ArrayList<>();

        /** Every order starts with two candidates: leaving it unfilled, and its starting plan. */
        Columns(List<AllocationProblem> orders, List<int[][]> starts) {
            this.orders = orders;
            this.startColumn = new int[orders.size()];
            this.reach = new int[orders.size()][];
            this.resourceOf = new int[orders.size()][][];
            for (int o = 0; o < orders.size(); o++) {
                known.add(new HashMap<>());
                ofOrder.add(new ArrayList<>());
                most.add(new HashMap<>());
                AllocationProblem p = orders.get(o);
                Set<Integer> reachable = new TreeSet<>();
                resourceOf[o] = new int[p.nodes.length][p.lines.length + 1];
                for (int n = 0; n < p.nodes.length; n++) {
                    resourceOf[o][n][p.lines.length] = p.capUnits[n] == Node.UNLIMITED ? -1
                            : resource(capacityKey(p, n), p.capUnits[n]);
                    if (p.capUnits[n] != Node.UNLIMITED) {
                        reachable.add(resourceOf[o][n][p.lines.length]);
                    }
                    for (int i = 0; i < p.lines.length; i++) {
                        resourceOf[o][n][i] = resource(stockKey(p, n, i), p.avail[n][p.sku[i]]);
                        reachable.add(resourceOf[o][n][i]);
                    }
                }
                reach[o] = reachable.stream().mapToInt(Integer::intValue).toArray();
            }
            for (int o = 0; o < orders.size(); o++) {
                add(o, orders.get(o).nothing());
                startColumn[o] = add(o, starts.get(o));
            }
        }

        private static String capacityKey(AllocationProblem p, int n) {
            return p.nodes[n].id() + "|" + LagrangianBound.CAPACITY;
        }

        private static String stockKey(AllocationProblem p, int n, int i) {
            return p.nodes[n].id() + "|" + p.lines[i].sku();
        }

        /** The index of the plan among the candidates of order {@code o}, added when it is new. */
        int add(int o, int[][] take) {
            Take key = new Take(take);
            Integer existing = known.get(o).get(key);
            if (existing != null) {
                return existing;
            }
            AllocationProblem p = orders.get(o);
            Map<Integer, Integer> use = new TreeMap<>();
            for (int n = 0; n < p.nodes.length; n++) {
                for (int i = 0; i < p.lines.length; i++) {
                    if (take[i][n] > 0) {
                        use.merge(resourceOf[o][n][i], take[i][n], Integer::sum);
                        if (resourceOf[o][n][p.lines.length] >= 0) {
                            use.merge(resourceOf[o][n][p.lines.length], take[i][n], Integer::sum);
                        }
                    }
                }
            }
            int[] resources = use.keySet().stream().mapToInt(Integer::intValue).toArray();
            int[] units = Arrays.stream(resources).map(use::get).toArray();
            int c = all.size();
            int[][] copy = AllocationProblem.copy(take);
            known.get(o).put(new Take(copy), c);
            all.add(new Column(o, copy, p.evaluate(take), resources, units));
            for (int k = 0; k < resources.length; k++) {
                int r = resources[k];
                columnsUsing.get(r).add(c);
                int before = most.get(o).getOrDefault(r, 0);
                if (units[k] > before) {
                    most.get(o).put(r, units[k]);
                    int together = mostTogether.get(r) + units[k] - before;
                    mostTogether.set(r, together);
                    if (together > limits.get(r) && together - units[k] + before <= limits.get(r)) {
                        newlyContended.add(r);
                    }
                }
            }
            ofOrder.get(o).add(c);
            return c;
        }

        private int resource(String key, int limit) {
            Integer index = resourceIndex.get(key);
            if (index == null) {
                index = limits.size();
                resourceIndex.put(key, index);
                limits.add(limit);
                mostTogether.add(0);
                columnsUsing.add(new ArrayList<>());
            }
            return index;
        }

        /** Whether a price order {@code o} pays moved after round {@code since}. */
        boolean pricesMoved(int o, int[] changedRound, int since) {
            for (int r : reach[o]) {
                if (changedRound[r] > since) {
                    return true;
                }
            }
            return false;
        }

        /** The candidates given without the dominated ones, and the limits that may bind (see {@link DominatedPlans}). */
        DominatedPlans.Kept undominated(List<List<Integer>> candidates) {
            double[] cost = new double[all.size()];
            int[][] resources = new int[all.size()][];
            int[][] units = new int[all.size()][];
            for (int c = 0; c < cost.length; c++) {
                cost[c] = all.get(c).cost;
                resources[c] = all.get(c).resources;
                units[c] = all.get(c).units;
            }
            return DominatedPlans.prune(candidates, cost, resources, units,
                    limits.stream().mapToInt(Integer::intValue).toArray());
        }

        int[] starts() {
            return startColumn.clone();
        }

        double valueOfLimits(double[] price) {
            double value = 0;
            for (int r = 0; r < price.length; r++) {
                value += price[r] * limits.get(r);
            }
            return value;
        }

        ShadowPrices shadowPrices(double[] price) {
            Map<String, Integer> index = Map.copyOf(resourceIndex);
            return (nodeId, sku) -> at(price, index.get(nodeId + "|" + sku))
                    + at(price, index.get(nodeId + "|" + LagrangianBound.CAPACITY));
        }

        private static double at(double[] price, Integer r) {
            return r == null ? 0 : price[r];
        }
    }

    /** The relaxed choice of candidates per order within the contended limits. */
    private static final class Master implements Relaxation {
        /**
         * Small waves get a row for every limit their candidates could exceed together (which gives SCIP better
         * candidates on S); large ones only for the limits a relaxed solution exceeds (thousands fewer rows).
         */
        private final boolean eager;
        final MPSolver solver;
        final Columns columns;
        final MPConstraint[] choose;
        final MPConstraint[] limits;
        final List<MPVariable> variables = new ArrayList<>();
        /** Whether re-solves start from the last basis (see {@link #warmParameters}). */
        private final boolean warm;
        private boolean solved;

        Master(MPSolver solver, Columns columns) {
            this(solver, columns, false);
        }

        Master(MPSolver solver, Columns columns, boolean warm) {
            this.warm = warm;
            this.solver = solver;
            this.columns = columns;
            MPObjective objective = solver.objective();
            objective.setMinimization();
            this.choose = new MPConstraint[columns.orders.size()];
            for (int o = 0; o < choose.length; o++) {
                choose[o] = solver.makeConstraint(1, 1);
            }
            this.limits = new MPConstraint[columns.limits.size()];
            this.eager = choose.length <= LARGE_WAVE;
        }

        /** Rows for the limits the candidates could exceed together, before any solution exceeds them. */
        private void activateContended() {
            if (eager) {
                for (int r = 0; r < limits.length; r++) {
                    if (limits[r] == null && columns.mostTogether.get(r) > columns.limits.get(r)) {
                        activate(r);
                    }
                }
            }
            columns.newlyContended.clear();
        }

        /**
         * The relaxation over the candidates so far: solved with the limits that have a row, then again with the
         * rows of the limits its solution exceeds, until it keeps them all.
         */
        @Override
        public void solve(long start, double until) {
            while (true) {
                activateContended();
                for (int c = variables.size(); c < columns.all.size(); c++) {
                    Column column = columns.all.get(c);
                    MPVariable x = solver.makeNumVar(0, 1, "c" + c);
                    solver.objective().setCoefficient(x, column.cost);
                    choose[column.order].setCoefficient(x, 1);
                    variables.add(x);
                    for (int k = 0; k < column.resources.length; k++) {
                        if (limits[column.resources[k]] != null) {
                            limits[column.resources[k]].setCoefficient(x, column.units[k]);
                        }
                    }
                }
                MPSolver.ResultStatus status = solved && warm ? solver.solve(warmParameters()) : solver.solve();
                solved = true;
                if (status != MPSolver.ResultStatus.OPTIMAL) {
                    throw new IllegalStateException("relaxation of " + choose.length + " orders: " + status);
                }
                double[] use = new double[limits.length];
                for (int c = 0; c < variables.size(); c++) {
                    double x = variables.get(c).solutionValue();
                    if (x > INTEGRAL) {
                        Column column = columns.all.get(c);
                        for (int k = 0; k < column.resources.length; k++) {
                            use[column.resources[k]] += x * column.units[k];
                        }
                    }
                }
                boolean kept = true;
                for (int r = 0; r < limits.length; r++) {
                    if (limits[r] == null && use[r] > columns.limits.get(r) + TOLERANCE) {
                        activate(r);
                        kept = false;
                    }
                }
                if (kept) {
                    return;
                }
            }
        }

        /**
         * Re-solves of a large wave's relaxation start from the last basis: without presolve (which would discard
         * it), by the dual simplex (on L 0.4-2.4 CPU-s a re-solve, against 3-7 by the primal from the same basis and
         * 6-11 with presolve). Smaller waves re-solve from scratch: their relaxation's vertex, and so their choice,
         * stays as before (on M the warm vertex led to a dearer choice).
         */
        private static MPSolverParameters warmParameters() {
            MPSolverParameters parameters = new MPSolverParameters();
            parameters.setIntegerParam(MPSolverParameters.IntegerParam.PRESOLVE,
                    MPSolverParameters.PresolveValues.PRESOLVE_OFF.swigValue());
            parameters.setIntegerParam(MPSolverParameters.IntegerParam.LP_ALGORITHM,
                    MPSolverParameters.LpAlgorithmValues.DUAL.swigValue());
            return parameters;
        }

        private void activate(int r) {
            limits[r] = solver.makeConstraint(Double.NEGATIVE_INFINITY, columns.limits.get(r));
            for (int c : columns.columnsUsing.get(r)) {
                if (c < variables.size()) {
                    Column column = columns.all.get(c);
                    for (int k = 0; k < column.resources.length; k++) {
                        if (column.resources[k] == r) {
                            limits[r].setCoefficient(variables.get(c), column.units[k]);
                        }
                    }
                }
            }
        }

        @Override
        public double value() {
            return solver.objective().value();
        }

        @Override
        public double[] prices() {
            double[] price = new double[limits.length];
            for (int r = 0; r < price.length; r++) {
                price[r] = limits[r] == null ? 0 : Math.max(0, -limits[r].dualValue());
            }
            return price;
        }

        @Override
        public double orderDual(int o) {
            return choose[o].dualValue();
        }

        @Override
        public double[] values() {
            double[] values = new double[variables.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = variables.get(c).solutionValue();
            }
            return values;
        }
    }

    /** The relaxation of the choice over the candidates so far, and the prices of stock and capacity it gives. */
    private interface Relaxation {

        /** Solves it, within the optimiser's clock reading {@code until} seconds after {@code start} if it iterates. */
        void solve(long start, double until);

        /** Its value: the relaxation's optimum, or the restricted dual's value at {@link #prices()}. */
        double value();

        /** Per unit of each limit, what it is worth (non-negative). */
        double[] prices();

        /** What order {@code o} pays in it: a plan priced below this improves it. */
        double orderDual(int o);

        /** The relaxed choice: per candidate, its share (0..1) of its order. */
        double[] values();
    }

    /**
     * The relaxation for waves too large for an LP solver to re-solve in time, as its Lagrangian dual over the
     * candidates so far: g(λ) = Σ orders' cheapest candidate at cost + λ·use − λ·limits, maximised over λ ≥ 0 by
     * the volume algorithm (Barahona and Anbil 2000): subgradient steps along the averaged use of the orders'
     * cheapest candidates, which also converges to an approximate relaxed choice. Each step costs one pass over
     * the candidates, so thousands fit where one LP solve would not. Any λ it returns is valid for the bound,
     * which is computed from B2's priced optima, not from this.
     */
    private static final class VolumeDual implements Relaxation {
        /** CPU seconds of steps per pricing round (about 2,000 steps on L). */
        private static final double ROUND_SECONDS = 2;
        /** Steps aim this far (relative) above the better of the dual's value and the best bound. */
        private static final double AIM = 0.03;
        /** Steps without a better value before the step factor shrinks; ten times this ends a round. */
        private static final int PATIENCE = 20;
        /** The most a step's choice weighs in the averaged choice. */
        private static final double MAX_SHARE = 0.1;

        private final Columns columns;
        private final double upperBound;
        /** The best bound known: the restricted dual's maximum lies above it. */
        double floor = Double.NEGATIVE_INFINITY;
        /** The prices of the best bound known. */
        double[] center;
        private final int[] limit;
        private double[] price;
        private double value = Double.NEGATIVE_INFINITY;
        private double[] averageUse;
        private double[] average;
        private final double[] orderValue;
        private double factor = 0.1;
        private double[] columnCost;
        private int[] columnStart;
        private int[] columnResource;
        private int[] columnUnits;
        private int[] orderStart;
        private int[] orderColumns;

        VolumeDual(Columns columns, double upperBound) {
            this.columns = columns;
            this.upperBound = upperBound;
            this.limit = columns.limits.stream().mapToInt(Integer::intValue).toArray();
            this.price = new double[limit.length];
            this.orderValue = new double[columns.orders.size()];
        }

        @Override
        public void solve(long start, double until) {
            boolean[] used = new boolean[limit.length];
            for (Column column : columns.all) {
                for (int r : column.resources) {
                    used[r] = true;
                }
            }
            int[] relevant = java.util.stream.IntStream.range(0, limit.length).filter(r -> used[r]).toArray();
            flatten();
            until = Math.min(until, elapsed(start) + ROUND_SECONDS);
            int[] cheapest = new int[orderValue.length];
            double[] use = new double[limit.length];
            value = evaluate(price, cheapest, use, orderValue, relevant);
            if (center != null) {
                int[] centerCheapest = new int[orderValue.length];
                double[] centerUse = new double[limit.length];
                double[] centerPaid = new double[orderValue.length];
                double atCenter = evaluate(center, centerCheapest, centerUse, centerPaid, relevant);
                if (atCenter > value) {
                    value = atCenter;
                    price = center.clone();
                    cheapest = centerCheapest;
                    use = centerUse;
                    System.arraycopy(centerPaid, 0, orderValue, 0, orderValue.length);
                }
            }
            average = new double[columns.all.size()];
            averageUse = use;
            for (int c : cheapest) {
                average[c] = 1;
            }
            double[] trialValue = new double[orderValue.length];
            int[] trialCheapest = new int[orderValue.length];
            double[] trialUse = new double[limit.length];
            double[] direction = new double[limit.length];
            double[] trial = new double[limit.length];
            int red = 0;
            int sinceBetter = 0;
            while (sinceBetter < 10 * PATIENCE && elapsed(start) < until) {
                double norm = 0;
                for (int r : relevant) {
                    double g = averageUse[r] - limit[r];
                    direction[r] = g < 0 && price[r] <= 0 ? 0 : g;
                    norm += direction[r] * direction[r];
                }
                if (norm < 1e-12) {
                    break;
                }
                double target = Math.min(upperBound, Math.max(value, floor) + AIM * Math.abs(value));
                double length = factor * Math.max(target - value, 1e-6 * Math.abs(value)) / norm;
                for (int r : relevant) {
                    trial[r] = Math.max(0, price[r] + length * direction[r]);
                    trialUse[r] = 0;
                }
                double trialTotal = evaluate(trial, trialCheapest, trialUse, trialValue, relevant);
                double share = shareTowards(trialUse, relevant);
                for (int r : relevant) {
                    averageUse[r] = share * trialUse[r] + (1 - share) * averageUse[r];
                }
                for (int c = 0; c < average.length; c++) {
                    average[c] *= 1 - share;
                }
                for (int c : trialCheapest) {
                    average[c] += share;
                }
                if (trialTotal > value + 1e-9 * Math.abs(value)) {
                    if (trialTotal > value + 1e-6 * Math.abs(value)) {
                        sinceBetter = 0;
                    } else {
                        sinceBetter++;
                    }
                    value = trialTotal;
                    double[] swap = price;
                    price = trial;
                    trial = swap;
                    System.arraycopy(trialValue, 0, orderValue, 0, orderValue.length);
                    factor = Math.min(2, factor * 1.1);
                    red = 0;
                } else {
                    sinceBetter++;
                    if (++red >= PATIENCE) {
                        factor = Math.max(1e-4, factor * 0.66);
                        red = 0;
                    }
                }
            }
        }

        /** The share of the new use in the average that brings the averaged subgradient nearest to zero. */
        private double shareTowards(double[] use, int[] relevant) {
            double dot = 0;
            double norm = 0;
            for (int r : relevant) {
                double now = averageUse[r] - limit[r];
                double change = use[r] - averageUse[r];
                dot += now * change;
                norm += change * change;
            }
            double best = norm > 0 ? -dot / norm : MAX_SHARE;
            return Math.min(MAX_SHARE, Math.max(MAX_SHARE / 10, best));
        }

        /** g(λ); per order its cheapest candidate at λ and what it pays; the use of those candidates. */
        private double evaluate(double[] lambda, int[] cheapest, double[] use, double[] paid, int[] relevant) {
            double total = 0;
            for (int r : relevant) {
                total -= lambda[r] * limit[r];
            }
            for (int o = 0; o < cheapest.length; o++) {
                double best = Double.POSITIVE_INFINITY;
                int bestColumn = -1;
                for (int j = orderStart[o]; j < orderStart[o + 1]; j++) {
                    int c = orderColumns[j];
                    double priced = columnCost[c];
                    for (int k = columnStart[c]; k < columnStart[c + 1]; k++) {
                        priced += lambda[columnResource[k]] * columnUnits[k];
                    }
                    if (priced < best) {
                        best = priced;
                        bestColumn = c;
                    }
                }
                cheapest[o] = bestColumn;
                paid[o] = best;
                total += best;
                for (int k = columnStart[bestColumn]; k < columnStart[bestColumn + 1]; k++) {
                    use[columnResource[k]] += columnUnits[k];
                }
            }
            return total;
        }

        /** The candidates in flat arrays, per order and per candidate, for the many passes of a round. */
        private void flatten() {
            int count = columns.all.size();
            columnCost = new double[count];
            columnStart = new int[count + 1];
            int entries = 0;
            for (int c = 0; c < count; c++) {
                entries += columns.all.get(c).resources.length;
            }
            columnResource = new int[entries];
            columnUnits = new int[entries];
            for (int c = 0, k = 0; c < count; c++) {
                Column column = columns.all.get(c);
                columnCost[c] = column.cost;
                columnStart[c] = k;
                for (int i = 0; i < column.resources.length; i++, k++) {
                    columnResource[k] = column.resources[i];
                    columnUnits[k] = column.units[i];
                }
                columnStart[c + 1] = k;
            }
            orderStart = new int[orderValue.length + 1];
            orderColumns = new int[count];
            for (int o = 0, j = 0; o < orderValue.length; o++) {
                orderStart[o] = j;
                for (int c : columns.ofOrder.get(o)) {
                    orderColumns[j++] = c;
                }
                orderStart[o + 1] = j;
            }
        }

        @Override
        public double value() {
            return value;
        }

        @Override
        public double[] prices() {
            return price.clone();
        }

        @Override
        public double orderDual(int o) {
            return orderValue[o];
        }

        @Override
        public double[] values() {
            return Arrays.copyOf(average, columns.all.size());
        }
    }
}
