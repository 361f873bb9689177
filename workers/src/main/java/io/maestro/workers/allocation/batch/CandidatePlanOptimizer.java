package io.maestro.workers.allocation.batch;

import com.google.ortools.linearsolver.MPSolver;
import io.maestro.workers.allocation.batch.CandidatePlans.Column;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.ShadowPrices;
import io.maestro.workers.allocation.problem.AllocationProblem;
import io.maestro.workers.allocation.problem.Assignment;
import io.maestro.workers.allocation.realtime.BranchAndBoundAllocator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Batch (wave) allocation over candidate plans, by column generation, at exact costs.
 *
 * <p>Each order chooses exactly one of its candidate plans (a column: its units per node and line, and its
 * exact cost by the cost rules); together the chosen plans keep to each node's stock per SKU and its pick
 * capacity. Every order starts with two candidates: leaving it unfilled and its given starting plan.
 * <ol>
 *   <li>The relaxation of this choice (GLOP, or CLP for large waves) prices each unit of stock and capacity (its
 *       dual value).</li>
 *   <li>the real-time optimiser finds each order's best plan at those prices; a plan cheaper than what the order pays in the
 *       relaxation becomes a new candidate. Σ orders' priced optima − Σ prices × stock and capacity is a lower
 *       bound on every allocation of these orders (Lagrangian duality; valid as the real-time optimiser's optima are proven), at the
 *       exact step-priced costs, not a linearised model. Repeat until no order finds a better plan (the
 *       relaxation is then optimal and equals the bound) or the pricing time is up.</li>
 *   <li>SCIP chooses one candidate per order, as integers, within the remaining time, starting from the
 *       starting plans.</li>
 *   <li>Proof by reduced-cost enumeration (see {@link ReducedCostProof#prove}): every plan that can be part of an
 *       allocation no dearer than the choice is added as a candidate, when there are few enough; SCIP's optimum over
 *       them is then the optimum of the whole plan-choice model.</li>
 * </ol>
 * The choice is proven optimal when its cost meets the Lagrangian bound (within 0.01 %), or when the
 * enumeration completed and SCIP proved its choice over the candidates optimal. Time limits count the CPU
 * time of the calling thread ({@link #clockNanos}).
 */
public final class CandidatePlanOptimizer {

    /** What it does, in plain words (the timeline's "decided by"). */
    public static final String NAME = "the re-optimisation of all open orders together";

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

    static final double TOLERANCE = 1e-6;
    private static final double PRICE_TOLERANCE = 1e-9;
    static final double INTEGRAL = 1e-6;
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
    /** The whole choice goes to SCIP again, from the best so far, when at least this much time is left. */
    static final double MIN_SCIP_SECONDS = 1.0;
    /**
     * The orders the relaxation splits are chosen again by SCIP, with the orders whose plans draw on the same
     * priced stock or capacity, and theirs, this many times over.
     */
    private static final int NEIGHBOURHOOD_HOPS = 2;
    /**
     * A large wave's greedy choice takes the candidate the relaxed choice gives at least this share of its order
     * (rounding the relaxation), else its cheapest candidate at the bound's prices.
     */
    private static final double ROUNDED = 0.5;
    /** A choice this close (relative) to the bound is proven optimal: SCIP's default relative gap. */
    static final double PROVEN_GAP = 1e-4;
    /** Pricing stops once the relaxation is this close (relative) to the bound. */
    static final double GAP_TO_STOP = 1e-5;
    /**
     * Prices for pricing are this share of the best-bound prices so far plus the rest of the relaxation's
     * (Wentges smoothing): the relaxation's own prices swing wildly while it has few candidates.
     */
    private static final double SMOOTHING = 0.5;

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
        Deadline deadline = new Deadline(clockNanos(), timeLimitSeconds);
        WaveOptimizer.loadNatives();
        CandidatePlans columns = new CandidatePlans(orders, starts);
        boolean large = orders.size() > largeWave;
        double pricingEnds = (large ? Math.min(pricingShare, LARGE_WAVE_PRICING_SHARE) : pricingShare)
                * timeLimitSeconds;
        Pricing pricing = price(orders, columns, deadline, pricingEnds, EXACT_AT * pricingEnds, true);
        diversify(orders, columns, pricing.lastPrice(), pricing.relaxation(), deadline, pricingEnds);
        return choose(orders, columns, deadline, pricing.bound(), pricing.boundValid() && pricing.rounds() > 0,
                pricing.rounds(), pricing.lastPrice(), pricing.boundPrice(), pricing.relaxation());
    }

    /**
     * The lower bound alone: column generation as in {@link #optimise}, for the whole time or until the relaxation
     * meets the bound (then both are the LP relaxation of the whole plan-choice model). A large wave's volume
     * algorithm hands over to CLP when this optimiser given the same time would.
     */
    public RelaxationBound relaxationBound(List<AllocationProblem> orders, List<int[][]> starts) {
        Deadline deadline = new Deadline(clockNanos(), timeLimitSeconds);
        WaveOptimizer.loadNatives();
        Pricing pricing = price(orders, new CandidatePlans(orders, starts), deadline, timeLimitSeconds,
                EXACT_AT * LARGE_WAVE_PRICING_SHARE * timeLimitSeconds, false);
        return new RelaxationBound(pricing.bound(), pricing.boundValid() && pricing.rounds() > 0,
                pricing.relaxed(), pricing.rounds(), deadline.elapsed());
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
     * capacity, the real-time optimiser finds each order's best plan at those prices, a plan cheaper than what the order pays in the
     * relaxation becomes a candidate, and every round's priced optima give a Lagrangian bound. A large wave starts
     * on the volume algorithm and goes to CLP after {@code exactAt} seconds. {@code forChoice}: the relaxed choice
     * is wanted for the integer choice (a small wave solves its relaxation once more for it).
     */
    private Pricing price(List<AllocationProblem> orders, CandidatePlans columns, Deadline deadline,
                          double pricingEnds, double exactAt, boolean forChoice) {
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
        MPSolver lp = large ? null
                : MPSolver.createSolver(orders.size() > RestrictedMaster.LARGE_WAVE ? "CLP" : "GLOP");
        try {
            VolumeDual volumeDual = large ? new VolumeDual(columns, columns.costOf(columns.starts())) : null;
            Relaxation master = large ? volumeDual : new RestrictedMaster(lp, columns);
            while (deadline.elapsed() < pricingEnds) {
                master.solve(deadline, pricingEnds);
                // the volume algorithm's value lies below its restricted relaxation's, so only an LP's counts
                relaxed = master instanceof RestrictedMaster ? master.value() : Double.NaN;
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
                if (master instanceof RestrictedMaster
                        && relaxed - bound <= GAP_TO_STOP * Math.max(1, Math.abs(bound))
                        || (added == 0 && !smoothing)) {
                    break;
                }
                smoothing = added > 0;
                if (master instanceof VolumeDual volume
                        && deadline.elapsed() >= exactAt) {
                    lp = MPSolver.createSolver("CLP");
                    master = RestrictedMaster.exact(lp, columns, volume.prices(), center);
                    smoothing = true;
                }
            }
            if (large) {
                if (master != volumeDual && boundValid) {
                    // the relaxation's own last prices, unsmoothed, often bound better (on L about 0.1 % higher)
                    double[] dual = master.prices();
                    PricedOptima unsmoothed = PricedOptima.at(columns, pricer, dual, deadline,
                            Double.POSITIVE_INFINITY);
                    if (unsmoothed != null && unsmoothed.bound() > bound) {
                        bound = unsmoothed.bound();
                        center = dual;
                    }
                }
                // CLP's own relaxed choice (a vertex) once it took over, else the volume algorithm's averaged one
                relaxation = master.values();
            } else {
                if (forChoice) {
                    master.solve(deadline, Double.POSITIVE_INFINITY);
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
     * More candidates where stock or capacity is contested: for each order whose relaxed choice draws on priced
     * stock or capacity, its best plan at the prices without each node that choice ships from.
     */
    private void diversify(List<AllocationProblem> orders, CandidatePlans columns, double[] price,
                           double[] relaxation, Deadline deadline, double until) {
        ShadowPrices shadow = columns.shadowPrices(price);
        int known = relaxation.length;
        for (int c = 0; c < known && deadline.elapsed() < until; c++) {
            Column column = columns.all.get(c);
            if (relaxation[c] <= INTEGRAL || Arrays.stream(column.resources()).allMatch(r -> price[r] == 0)) {
                continue;
            }
            AllocationProblem p = orders.get(column.order());
            for (int n = 0; n < p.nodes.length; n++) {
                boolean ships = false;
                for (int i = 0; i < p.lines.length; i++) {
                    ships |= column.take()[i][n] > 0;
                }
                if (ships) {
                    AllocationRequest without = p.request().reallocation(p.request().order().lines(),
                            Set.of(p.nodes[n].id()));
                    AllocationProblem alternative = AllocationProblem.of(without, shadow);
                    columns.add(column.order(), p.takeOf(alternative.plan(pricer.assign(alternative).take())));
                }
            }
        }
    }

    /**
     * One candidate per order: the orders the relaxation gives one whole candidate keep it unless it draws on
     * stock or capacity that split orders want too; SCIP chooses for the others within what those leave,
     * starting from a greedy choice (cheapest candidate that still fits, order by order). The starting plans are kept if they cost less. Then SCIP again over all orders and
     * candidates in the time left, and, if SCIP finished early, the proof stage.
     */
    private Solution choose(List<AllocationProblem> orders, CandidatePlans columns, Deadline deadline, double bound,
                            boolean boundValid, int rounds, double[] price, double[] boundPrice,
                            double[] relaxation) {
        CandidateChoiceMip mip = new CandidateChoiceMip(columns, deadline);
        int[] chosen = orders.size() <= largeWave
                ? chooseByRelaxation(orders, columns, price, relaxation, mip, deadline)
                : chooseByPrices(orders, columns, boundPrice, relaxation, mip, deadline);
        ReducedCostProof.Proof proof = orders.size() <= largeWave && boundValid && deadline.left() > MIN_SCIP_SECONDS
                ? new ReducedCostProof(columns, pricer, mip, deadline).prove(chosen, boundPrice)
                : ReducedCostProof.Proof.NONE;
        bound = Math.max(bound, proof.bound());
        double cost = columns.costOf(chosen);
        List<int[][]> takes = new ArrayList<>();
        for (int o = 0; o < orders.size(); o++) {
            takes.add(AllocationProblem.copy(columns.all.get(chosen[o]).take()));
        }
        boolean optimal = boundValid && rounds > 0
                && (proof.optimal() || cost - bound <= PROVEN_GAP * Math.max(1, Math.abs(bound)));
        Map<String, Double> prices = new HashMap<>();
        columns.resourceIndex.forEach((key, r) -> {
            if (price[r] > 0) {
                prices.put(key, price[r]);
            }
        });
        return new Solution(takes, cost, bound, boundValid, optimal, rounds, columns.all.size(), deadline.elapsed(),
                prices);
    }

    /**
     * One candidate per order from the relaxed choice: the orders it gives one whole candidate keep it unless it
     * draws on stock or capacity that split orders want too; SCIP chooses for the others within what those
     * leave, starting from a greedy choice (cheapest candidate that still fits, order by order). The starting
     * plans are kept if they cost less; then each order is polished and SCIP chooses again over all orders and
     * candidates in the time left.
     */
    private int[] chooseByRelaxation(List<AllocationProblem> orders, CandidatePlans columns, double[] price,
                                     double[] relaxation, CandidateChoiceMip mip, Deadline deadline) {
        int[] chosen = new int[orders.size()];
        Arrays.fill(chosen, -1);
        for (int c = 0; c < relaxation.length; c++) {
            if (relaxation[c] >= 1 - INTEGRAL) {
                chosen[columns.all.get(c).order()] = c;
            }
        }
        for (int hop = 0; hop < NEIGHBOURHOOD_HOPS; hop++) {
            boolean[] contested = new boolean[columns.limits.size()];
            for (Column column : columns.all) {
                if (chosen[column.order()] < 0) {
                    for (int r : column.resources()) {
                        contested[r] |= price[r] > 0;
                    }
                }
            }
            for (int o = 0; o < chosen.length; o++) {
                if (chosen[o] >= 0) {
                    for (int r : columns.all.get(chosen[o]).resources()) {
                        if (contested[r]) {
                            chosen[o] = -1;
                            break;
                        }
                    }
                }
            }
        }
        int[] left = columns.limitsLeft();
        for (int c : chosen) {
            if (c >= 0) {
                columns.all.get(c).take(left);
            }
        }
        List<List<Integer>> candidates = columns.byOrder();
        List<Integer> open = new ArrayList<>();
        List<Integer> everyOrder = new ArrayList<>();
        for (int o = 0; o < orders.size(); o++) {
            candidates.get(o).sort(Comparator.comparingDouble(c -> columns.all.get(c).cost()));
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
            mip.choose(open, candidates, left, chosen);
        }
        if (columns.costOf(columns.starts()) < columns.costOf(chosen)) {
            chosen = columns.starts();
        }
        polish(orders, columns, chosen, deadline);
        if (deadline.left() > MIN_SCIP_SECONDS) {
            mip.choose(everyOrder, columns.byOrder(), columns.limitsLeft(), chosen);
        }
        return chosen;
    }

    /**
     * One candidate per order for waves too large for SCIP in time, by rounding the relaxed choice: orders it is
     * surest of choose first, each the candidate it gives at least half the order (else its cheapest candidate at
     * the bound's prices, cost plus the prices of what it uses) if that fits what the orders before it left, else
     * the real-time optimiser's plan at the prices on what they left. The orders the relaxation gives a whole candidate come first (with
     * CLP's relaxed choice, which keeps the limits, they all fit). The starting plans are kept if they cost less;
     * each order is polished; then the large-neighbourhood search ({@link NeighbourhoodSearch#improve}).
     */
    private int[] chooseByPrices(List<AllocationProblem> orders, CandidatePlans columns, double[] price,
                                 double[] relaxation, CandidateChoiceMip mip, Deadline deadline) {
        double[] priced = new double[columns.all.size()];
        double[] certainty = new double[orders.size()];
        for (int c = 0; c < priced.length; c++) {
            Column column = columns.all.get(c);
            priced[c] = column.pricedCost(price);
            if (c < relaxation.length) {
                certainty[column.order()] = Math.max(certainty[column.order()], relaxation[c]);
            }
        }
        Integer[] sequence = new Integer[orders.size()];
        for (int o = 0; o < sequence.length; o++) {
            sequence[o] = o;
        }
        Arrays.sort(sequence, Comparator.comparingDouble(o -> -certainty[o]));
        int[] left = columns.limitsLeft();
        int[] chosen = new int[orders.size()];
        ShadowPrices shadow = columns.shadowPrices(price);
        for (int o : sequence) {
            int best = rounded(columns.ofOrder.get(o), relaxation, priced);
            if (!columns.all.get(best).fits(left)) {
                AllocationProblem p = orders.get(o);
                AllocationProblem rest = columns.residual(p, left, shadow);
                best = columns.add(o, p.takeOf(rest.plan(pricer.assign(rest).take())));
            }
            chosen[o] = best;
            columns.all.get(best).take(left);
        }
        if (columns.costOf(columns.starts()) < columns.costOf(chosen)) {
            chosen = columns.starts();
        }
        polish(orders, columns, chosen, deadline);
        new NeighbourhoodSearch(columns, mip, deadline).improve(chosen, price);
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
     * Order by order, the real-time optimiser's plan on the stock and capacity the other orders' choices leave; a cheaper one
     * replaces the order's choice and joins its candidates.
     */
    private void polish(List<AllocationProblem> orders, CandidatePlans columns, int[] chosen, Deadline deadline) {
        int[] left = columns.limitsLeft();
        for (int c : chosen) {
            columns.all.get(c).take(left);
        }
        for (int o = 0; o < orders.size() && deadline.elapsed() < deadline.seconds() - MIN_SCIP_SECONDS; o++) {
            Column current = columns.all.get(chosen[o]);
            current.give(left);
            AllocationProblem p = orders.get(o);
            AllocationProblem rest = columns.residual(p, left, ShadowPrices.NONE);
            int[][] take = p.takeOf(rest.plan(pricer.assign(rest).take()));
            if (p.evaluate(take) < current.cost() - 1e-9) {
                chosen[o] = columns.add(o, take);
            }
            columns.all.get(chosen[o]).take(left);
        }
    }

    /**
     * The optimiser's clock: the CPU time of its thread, in which OR-Tools' solvers run too, so a machine shared
     * with other work gives the same plans in more wall time; on a dedicated core the two agree.
     */
    public static long clockNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
