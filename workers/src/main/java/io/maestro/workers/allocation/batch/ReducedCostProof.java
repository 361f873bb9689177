package io.maestro.workers.allocation.batch;

import io.maestro.workers.allocation.batch.CandidatePlans.Column;
import io.maestro.workers.allocation.problem.AllocationProblem;
import io.maestro.workers.allocation.realtime.BranchAndBoundAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The proof stage: proves a choice optimal, or bounds it, by reduced-cost enumeration. At the bound's prices of
 * stock and capacity, the real-time optimiser enumerates every plan that can be part of an allocation no dearer than the choice; once
 * they are all candidates, SCIP's optimum over them is the optimum of the whole plan-choice model, and its lower
 * bound is a lower bound of it.
 */
final class ReducedCostProof {

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
    private static final String PROOF_SETTINGS = "timing/clocktype = 2" + CandidateChoiceMip.NO_PRESOLVE
            + "\nseparating/gomory/freq = -1" + "\nseparating/aggregation/freq = -1" + heuristicsOff("trivial",
            "trivialnegation", "zeroobj", "locks", "clique", "vbounds", "completesol", "shiftandpropagate", "rens",
            "alns", "feaspump", "oneopt", "rounding", "simplerounding", "shifting", "intshifting", "randrounding",
            "adaptivediving", "farkasdiving", "conflictdiving", "distributiondiving", "fracdiving", "guideddiving",
            "linesearchdiving", "pscostdiving", "veclendiving", "rootsoldiving");
    /**
     * Per candidate, the CPU time SCIP takes outside its own clock in the proof stage: building its model,
     * loading it into SCIP and freeing it (on S about 0.75 CPU-s for 49,585 candidates). Nothing else follows
     * the proof's SCIP, so its time limit leaves only this.
     */
    private static final double SCIP_SECONDS_OUTSIDE_ITS_CLOCK = 1.5e-5;
    /** The proof stage does not start SCIP with less time than this: its root LP alone takes about 0.6 CPU-s on S. */
    private static final double MIN_PROOF_SECONDS = 0.5;
    /**
     * When the window has too many plans within the whole gap, the proof stage first enumerates the plans within
     * this share of it (see {@link #prove}).
     */
    private static final double FIRST_CEILING_SHARE = 0.25;
    /** The proof stage gives up (the choice stays unproven) when an order has more plans within the gap. */
    private static final int MAX_PLANS_PER_ORDER = 50_000;
    /** ... or the window more plans within the gap than SCIP can choose among in time. */
    private static final int MAX_ENUMERATED = 100_000;

    private final CandidatePlans columns;
    private final BranchAndBoundAllocator pricer;
    private final CandidateChoiceMip mip;
    private final Deadline deadline;

    ReducedCostProof(CandidatePlans columns, BranchAndBoundAllocator pricer, CandidateChoiceMip mip,
                     Deadline deadline) {
        this.columns = columns;
        this.pricer = pricer;
        this.mip = mip;
        this.deadline = deadline;
    }

    /** The proof stage's result: the lower bound it proves, and whether the choice is proven optimal. */
    record Proof(double bound, boolean optimal) {
        static final Proof NONE = new Proof(Double.NEGATIVE_INFINITY, false);
    }

    /**
     * Proves the choice optimal, or bounds it, by reduced-cost enumeration. At the bound's prices λ ≥ 0 of stock
     * and capacity, each order o has its priced optimum v_o (by the real-time optimiser) and every plan p its reduced cost
     * r_o(p) = cost(p) + λ·use(p) − v_o ≥ 0. Any allocation that keeps the limits costs at least
     * L(λ) + Σ_o r_o(p_o), where L(λ) = Σ_o v_o − λ·limits is the Lagrangian bound; so an allocation no dearer
     * than the incumbent uses in each order a plan with r_o(p) ≤ gap = incumbent − L(λ). Once every such plan
     * is a candidate (the real-time optimiser enumerates them), the candidates hold an optimal allocation: SCIP's optimum over them
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
    Proof prove(int[] chosen, double[] price) {
        PricedOptima optima = PricedOptima.at(columns, pricer, price, deadline,
                deadline.seconds() - CandidatePlanOptimizer.MIN_SCIP_SECONDS);
        if (optima == null) {
            return Proof.NONE;
        }
        List<AllocationProblem> priced = optima.priced();
        double[] value = optima.value();
        double lagrangian = optima.bound();
        double incumbent = columns.costOf(chosen);
        double gap = incumbent - lagrangian;
        if (gap <= CandidatePlanOptimizer.PROVEN_GAP * Math.max(1, Math.abs(lagrangian))) {
            return new Proof(lagrangian, true);
        }
        List<Integer> everyOrder = new ArrayList<>();
        for (int o = 0; o < columns.orders.size(); o++) {
            everyOrder.add(o);
        }
        double bound = lagrangian;
        double ceiling = gap;
        List<List<int[][]>> plans = plansWithin(priced, value, ceiling);
        if (plans == null) {
            ceiling = FIRST_CEILING_SHARE * gap;
            plans = plansWithin(priced, value, ceiling);
        }
        while (true) {
            if (plans == null) {
                return new Proof(bound, false);
            }
            for (int o = 0; o < columns.orders.size(); o++) {
                for (int[][] take : plans.get(o)) {
                    columns.add(o, take);
                }
            }
            DominatedPlans.Kept kept = proofCandidates(chosen, price, value, lagrangian, ceiling);
            double seconds = deadline.left() - kept.count() * SCIP_SECONDS_OUTSIDE_ITS_CLOCK;
            if (seconds < MIN_PROOF_SECONDS && ceiling > FIRST_CEILING_SHARE * gap + CandidatePlanOptimizer.TOLERANCE) {
                ceiling = FIRST_CEILING_SHARE * gap;
                kept = proofCandidates(chosen, price, value, lagrangian, ceiling);
                seconds = deadline.left() - kept.count() * SCIP_SECONDS_OUTSIDE_ITS_CLOCK;
            }
            if (seconds < MIN_PROOF_SECONDS) {
                return new Proof(bound, false);
            }
            CandidateChoiceMip.Outcome outcome = mip.choose(everyOrder, kept.ofOrder(), columns.limitsLeft(), chosen,
                    seconds, PROOF_SETTINGS, kept.binding());
            double cost = columns.costOf(chosen);
            boolean complete = ceiling >= cost - lagrangian - CandidatePlanOptimizer.TOLERANCE;
            bound = Math.max(bound, Math.min(complete ? cost : lagrangian + ceiling, Math.min(outcome.bestBound(), cost)));
            if (!outcome.optimal() || complete) {
                return new Proof(bound, outcome.optimal() && complete);
            }
            ceiling = cost - lagrangian;
            plans = plansWithin(priced, value, ceiling);
        }
    }

    /**
     * The candidates SCIP needs in the proof stage: those within {@code ceiling} of their order's priced optimum
     * that can be part of an allocation no dearer than the choice, without the dominated ones. The choice's plans
     * are replaced by those kept in their place (a choice no dearer that keeps the limits).
     */
    private DominatedPlans.Kept proofCandidates(int[] chosen, double[] price, double[] value, double lagrangian,
                                                double ceiling) {
        DominatedPlans.Kept kept = columns.undominated(
                noDearerThan(columns.byOrder(), chosen, price, value, lagrangian, ceiling));
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
    private List<List<Integer>> noDearerThan(List<List<Integer>> candidates, int[] chosen, double[] price,
                                             double[] value, double lagrangian, double ceiling) {
        double incumbent = columns.costOf(chosen);
        double[] reduced = new double[columns.all.size()];
        for (int c = 0; c < reduced.length; c++) {
            Column column = columns.all.get(c);
            reduced[c] = column.pricedCost(price) - value[column.order()];
        }
        List<List<Integer>> kept = new ArrayList<>();
        candidates.forEach(ofOrder -> kept.add(new ArrayList<>(ofOrder)));
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            double[] least = new double[kept.size()];
            double budget = incumbent - lagrangian
                    + CandidatePlanOptimizer.TOLERANCE * Math.max(1, Math.abs(incumbent));
            for (int o = 0; o < kept.size(); o++) {
                least[o] = kept.get(o).stream().mapToDouble(c -> reduced[c]).min().orElse(0);
                budget -= least[o];
            }
            for (int o = 0; o < kept.size(); o++) {
                int own = chosen[o];
                double most = Math.min(least[o] + budget, ceiling + CandidatePlanOptimizer.TOLERANCE);
                dropped |= kept.get(o).removeIf(c -> c != own && reduced[c] > most);
            }
        }
        return kept;
    }

    /**
     * Per order, every plan within {@code ceiling} of its priced optimum {@code value}; null when an order or the
     * window has more than it can afford or the time runs out.
     */
    private List<List<int[][]>> plansWithin(List<AllocationProblem> priced, double[] value, double ceiling) {
        List<List<int[][]>> found = new ArrayList<>();
        int enumerated = 0;
        for (int o = 0; o < columns.orders.size(); o++) {
            if (deadline.elapsed() > deadline.seconds() - CandidatePlanOptimizer.MIN_SCIP_SECONDS) {
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
}
