package io.maestro.workers.allocation.realtime;

import io.maestro.workers.allocation.problem.AllocationProblem;
import io.maestro.workers.allocation.problem.Assignment;
import io.maestro.workers.allocation.problem.PlanLedger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Maestro's real-time optimiser: the exact optimum for one order, by branch and bound in two levels.
 *
 * <p>The outer level takes the sets of nodes that may ship (at most the policy's parcel limit) by size, one
 * node first, and within a size best bound first. A set is skipped when a lower bound on any plan using
 * exactly those nodes — each node's fixed parcel floor, the split penalty, and every unit at the cheapest
 * linear unit floor among them or unfilled — cannot beat the incumbent; a whole branch of sets is skipped
 * when even the nodes still to come cannot help. The linear floors are those of {@link ShipmentCoster}: a
 * parcel never costs less. Searching the cheap small sets first gives an incumbent that rules out most
 * larger ones before their inner search starts.
 *
 * <p>The inner level finds the best plan in which every node of the set ships something: it places the units
 * of each line by depth-first search, most constrained line first, cheapest node first, whole lines before
 * partial ones, cutting a branch when its cost so far, the fixed floors of the set's parcels not yet opened,
 * the set's split penalty and a floor for every unit still to place cannot beat the incumbent: the larger of
 * each unit at what it adds to an open parcel, its linear floor in a parcel still to open, or its unfilled
 * penalty; and each unit at its linear floor less the open parcels' slack above their linear plane. A line's units
 * are spread over nodes in option order, so each split is enumerated once.
 *
 * <p>The incumbent starts as the better of the fewest-splits rule's plan and leaving everything unfilled, so
 * it is never worse than that rule. A search that exceeds its budget of
 * explored nodes returns the best plan found, marked unproven.
 */
public final class BranchAndBoundAllocator implements Allocator {

    private static final double EPSILON = 1e-9;
    /**
     * [no room left, some room]: what a node's floor is raised by in {@link Search#sharperBound}. Looked up, not
     * branched on: in the morning no node runs out of room, so the compiler would make that case a trap, and the
     * first node to run out in the afternoon would send the whole search back to the interpreter.
     */
    private static final double[] SHUT_UNLESS_ROOM = {Double.POSITIVE_INFINITY, 0};

    private final long nodeBudget;
    private final SingleNodeOrGreedyAllocator incumbentRule = new SingleNodeOrGreedyAllocator();

    public BranchAndBoundAllocator() {
        this(1_000_000);
    }

    public BranchAndBoundAllocator(long nodeBudget) {
        this.nodeBudget = nodeBudget;
    }

    @Override
    public String name() {
        return "the order's exact optimiser";
    }

    @Override
    public Assignment assign(AllocationProblem p) {
        return new Search(p, incumbentRule.plan(p), nodeBudget).run();
    }

    /**
     * Every plan of the order whose objective (shadow prices included) is at most {@code ceiling}, each once,
     * by the same search with the ceiling in place of the incumbent; empty when the node budget or
     * {@code maxPlans} ran out first, as the list would then be incomplete.
     */
    public Optional<List<int[][]>> plansWithin(AllocationProblem p, double ceiling, int maxPlans) {
        Search search = new Search(p, p.nothing(), nodeBudget);
        search.collect(ceiling, maxPlans);
        if (p.evaluate(p.nothing()) <= ceiling + EPSILON) {
            search.collected.add(p.nothing());
        }
        Assignment done = search.run();
        return done.proven() && search.collected.size() <= maxPlans ? Optional.of(search.collected)
                : Optional.empty();
    }

    /** Sets of shipping nodes of one size to search within, each with a lower bound on any plan using exactly them. */
    private static final class NodeSets {
        final int size;
        int[] members;
        double[] bounds = new double[16];
        int count;

        NodeSets(int size) {
            this.size = size;
            this.members = new int[16 * size];
        }

        void add(int[] chosen, double bound) {
            if (count == bounds.length) {
                bounds = Arrays.copyOf(bounds, 2 * count);
                members = Arrays.copyOf(members, 2 * count * size);
            }
            System.arraycopy(chosen, 0, members, count * size, size);
            bounds[count++] = bound;
        }
    }

    private static final class Search {
        private final AllocationProblem p;
        private final long budget;
        private final int[] order;
        private final PlanLedger ledger;
        private final double[] parcelCost;
        /** [node]: the linear plane's per-unit part of what the node ships so far, shadow prices included. */
        private final double[] planeUnits;
        /** [node]: the shadow prices of what the node ships so far. */
        private final double[] surchargeSoFar;
        private final double[] fixedFloor;
        /** [node × lines + line]: a unit's linear floor, shadow price included. */
        private final double[] linearUnit;
        private final int lines;
        /**
         * [node][line]: the line's units at {@code linearUnit} or, when that is dearer or the node cannot ship
         * the line at all, at the unfilled penalty (the outer level's floor for the line).
         */
        private final double[] lineFloorAt;
        /** [position in candidates][r]: the sum of the r least fixed floors among candidates from there on. */
        private final double[] laterFixed;
        private final int mostChosen;
        /** [depth]: the least {@code lineFloorAt} per line among the nodes chosen so far (outer level). */
        private double[][] leastAtDepth = new double[0][];
        private int required;
        /** The nodes of the set being searched. */
        private int[] setNodes = new int[0];
        /** [line][node]: the node's position among the line's options, -1 when it is none of them. */
        private final int[][] optionIndex;
        private double splitOfSet;
        private final int[] candidates;
        /** [line]: all the line's units at the unfilled penalty. */
        private final double[] unfilledLine;
        /** [position in candidates][line]: the least {@code lineFloorAt} of the line among candidates from there on. */
        private final double[] laterLineFloor;
        /** [position in order]: the set's nodes that can ship the line, in the line's option order, and how many. */
        private final int[][] setOptions;
        private final int[] setOptionCount;
        /** [position in order]: the least a unit of the line adds within the set, and that for it and all after it. */
        private final double[] setUnitBound;
        private final double[] setSuffixBound;
        /** The units placed so far, as (line, node, units) entries in the order placed. */
        private final int[] placedLine;
        private final int[] placedNode;
        private final int[] placedUnits;
        private int placed;
        /** The best plan so far: {@code best}, or the {@code bestPlaced} entries when the search found it. */
        private int[][] best;
        private int[] bestPlaced = new int[0];
        private double bestCost;
        private int unfilled;
        private long explored;
        /** When enumerating: every plan found within the ceiling, which then stays the bar. */
        private List<int[][]> collected;
        private int maxPlans;

        Search(AllocationProblem p, int[][] incumbent, long budget) {
            this.p = p;
            this.budget = budget;
            int lineCount = p.lines.length;
            int nodeCount = p.nodes.length;
            this.order = lineOrder(p);
            this.ledger = new PlanLedger(p);
            this.parcelCost = new double[nodeCount];
            this.planeUnits = new double[nodeCount];
            this.surchargeSoFar = new double[nodeCount];
            this.fixedFloor = new double[nodeCount];
            this.optionIndex = new int[lineCount][nodeCount];
            for (int i = 0; i < lineCount; i++) {
                Arrays.fill(optionIndex[i], -1);
                for (int o = 0; o < p.options[i].length; o++) {
                    optionIndex[i][p.options[i][o]] = o;
                }
            }
            this.lines = lineCount;
            this.linearUnit = new double[nodeCount * lineCount];
            this.lineFloorAt = new double[nodeCount * lineCount];
            this.unfilledLine = new double[lineCount];
            for (int i = 0; i < lineCount; i++) {
                unfilledLine[i] = p.qty[i] * p.unfilledPerUnit;
            }
            int[] holding = new int[nodeCount];
            double[] holdingCost = new double[nodeCount];
            int count = 0;
            for (int n = 0; n < nodeCount; n++) {
                fixedFloor[n] = p.fixedFloor[n];
                double standalone = fixedFloor[n];
                boolean holds = false;
                for (int i = 0; i < lineCount; i++) {
                    double linear = Math.max(p.unitFloor[n][i], p.planeUnit[n][i] + p.surcharge[n][i]);
                    boolean stocked = optionIndex[i][n] >= 0;
                    holds |= stocked;
                    standalone += p.qty[i] * (stocked ? linear : p.unfilledPerUnit);
                    linearUnit[n * lineCount + i] = linear;
                    lineFloorAt[n * lineCount + i] = stocked ? p.qty[i] * Math.min(p.unfilledPerUnit, linear)
                            : unfilledLine[i];
                }
                if (holds) {
                    holding[count] = n;
                    holdingCost[count++] = standalone;
                }
            }
            this.candidates = AllocationProblem.ascending(holding, holdingCost, count);
            this.laterLineFloor = new double[(candidates.length + 1) * lineCount];
            System.arraycopy(unfilledLine, 0, laterLineFloor, candidates.length * lineCount, lineCount);
            for (int c = candidates.length - 1; c >= 0; c--) {
                int here = candidates[c] * lineCount;
                for (int i = 0; i < lineCount; i++) {
                    laterLineFloor[c * lineCount + i] = Math.min(laterLineFloor[(c + 1) * lineCount + i],
                            lineFloorAt[here + i]);
                }
            }
            int largest = Math.min(p.maxShipments, candidates.length);
            this.mostChosen = largest + 1;
            this.laterFixed = new double[(candidates.length + 1) * mostChosen];
            double[] least = new double[largest];
            for (int c = candidates.length - 1; c >= 0; c--) {
                insertLeast(least, candidates.length - c, fixedFloor[candidates[c]]);
                for (int r = 1; r <= largest; r++) {
                    laterFixed[c * mostChosen + r] = r <= candidates.length - c
                            ? laterFixed[c * mostChosen + r - 1] + least[r - 1] : Double.POSITIVE_INFINITY;
                }
            }
            Arrays.fill(laterFixed, candidates.length * mostChosen + 1, laterFixed.length,
                    Double.POSITIVE_INFINITY);
            this.setOptions = new int[lineCount][largest];
            this.setOptionCount = new int[lineCount];
            this.setUnitBound = new double[lineCount];
            this.setSuffixBound = new double[lineCount + 1];
            int mostPlaced = lineCount * Math.max(1, largest);
            this.placedLine = new int[mostPlaced];
            this.placedNode = new int[mostPlaced];
            this.placedUnits = new int[mostPlaced];
            this.best = incumbent;
            this.bestCost = p.evaluate(incumbent);
            int[][] nothing = p.nothing();
            double nothingCost = p.evaluate(nothing);
            if (nothingCost < bestCost - EPSILON) {
                best = nothing;
                bestCost = nothingCost;
            }
        }

        /** The lines most constrained first: fewest options, then most units, then as ordered. */
        private static int[] lineOrder(AllocationProblem p) {
            int[] order = new int[p.lines.length];
            for (int i = 0; i < order.length; i++) {
                int at = i;
                while (at > 0 && before(p, i, order[at - 1])) {
                    order[at] = order[at - 1];
                    at--;
                }
                order[at] = i;
            }
            return order;
        }

        private static boolean before(AllocationProblem p, int a, int b) {
            int byOptions = Integer.compare(p.options[a].length, p.options[b].length);
            return byOptions != 0 ? byOptions < 0 : p.qty[a] > p.qty[b];
        }

        /** Keeps {@code least} the ascending smallest values seen; {@code seen} counts this one. */
        private static void insertLeast(double[] least, int seen, double value) {
            int count = Math.min(seen - 1, least.length);
            if (count == least.length) {
                if (count == 0 || value >= least[count - 1]) {
                    return;
                }
                count--;
            }
            int at = count;
            while (at > 0 && least[at - 1] > value) {
                least[at] = least[at - 1];
                at--;
            }
            least[at] = value;
        }

        /** Enumerates instead of optimising: every plan costing at most {@code ceiling} is collected. */
        void collect(double ceiling, int most) {
            collected = new ArrayList<>();
            maxPlans = most;
            best = p.nothing();
            bestCost = ceiling + 2 * EPSILON;
        }

        Assignment run() {
            int largest = Math.min(p.maxShipments, candidates.length);
            for (int size = 1; size <= largest && order.length > 0 && explored < budget; size++) {
                NodeSets sets = new NodeSets(size);
                leastAtDepth = new double[size + 1][];
                leastAtDepth[0] = unfilledLine;
                for (int d = 1; d <= size; d++) {
                    leastAtDepth[d] = new double[order.length];
                }
                collectSets(0, new int[size], 0, 0, sets);
                // best bound first, ties in the order found (a stable sort)
                int[] byBound = new int[sets.count];
                for (int s = 0; s < byBound.length; s++) {
                    byBound[s] = s;
                }
                byBound = AllocationProblem.ascending(byBound, sets.bounds, sets.count);
                for (int s = 0; s < byBound.length; s++) {
                    if (sets.bounds[s] >= bestCost - EPSILON || explored >= budget) {
                        break;
                    }
                    placeWithin(Arrays.copyOfRange(sets.members, byBound[s] * size, (byBound[s] + 1) * size));
                }
            }
            return new Assignment(best != null ? best : fromPlaced(bestPlaced, bestPlaced.length / 3), explored,
                    explored < budget);
        }

        /**
         * Outer level: the sets of {@code chosen.length} shipping nodes whose bound beats the incumbent, adding
         * candidates from position {@code from} on to the first {@code depth} chosen. A branch is cut when the
         * chosen nodes' fixed floors, the least fixed floors of the nodes still to choose, the split penalty and
         * every unit at the least linear floor among the chosen and later candidates cannot beat the incumbent.
         */
        private void collectSets(int from, int[] chosen, int depth, double fixed, NodeSets sets) {
            int size = chosen.length;
            int toChoose = size - depth - 1;
            double split = p.rules.splitPenalty(size);
            double[] least = leastAtDepth[depth];
            double[] leastWith = leastAtDepth[depth + 1];
            int lineCount = least.length;
            for (int c = from; c + toChoose < candidates.length && explored < budget; c++) {
                if (fromHereOn(c, toChoose + 1, fixed + split, least) >= bestCost - EPSILON) {
                    break;
                }
                int n = candidates[c];
                explored++;
                double withFixed = fixed + fixedFloor[n];
                double base = withFixed + split + laterFixed[(c + 1) * mostChosen + toChoose];
                if (base >= bestCost - EPSILON) {
                    continue;
                }
                int here = n * lines;
                double bound = base;
                if (toChoose == 0) {
                    for (int i = 0; i < lineCount; i++) {
                        bound += Math.min(least[i], lineFloorAt[here + i]);
                    }
                    if (bound < bestCost - EPSILON) {
                        chosen[depth] = n;
                        sets.add(chosen, bound);
                    }
                } else {
                    int later = (c + 1) * lines;
                    for (int i = 0; i < lineCount; i++) {
                        double with = Math.min(least[i], lineFloorAt[here + i]);
                        leastWith[i] = with;
                        bound += Math.min(with, laterLineFloor[later + i]);
                    }
                    if (bound < bestCost - EPSILON) {
                        chosen[depth] = n;
                        collectSets(c + 1, chosen, depth + 1, withFixed, sets);
                    }
                }
            }
        }

        /**
         * A lower bound on every set that adds {@code count} candidates from position {@code c} on to those
         * chosen: the least fixed floors among them and every unit at the least linear floor of the chosen and
         * those candidates. It never falls as {@code c} grows, so once it cannot win no later candidate can.
         */
        private double fromHereOn(int c, int count, double fixedAndSplit, double[] least) {
            double bound = fixedAndSplit + laterFixed[c * mostChosen + count];
            int later = c * lines;
            for (int i = 0; i < least.length; i++) {
                bound += Math.min(least[i], laterLineFloor[later + i]);
            }
            return bound;
        }

        /**
         * Inner level for one set: each line's options narrowed to the set's nodes (in option order), and for
         * each line the least a unit can add within the set (its unit floor at a set node that stocks it, or
         * unfilled), a first quick bound before the sharper one.
         */
        private void placeWithin(int[] nodes) {
            setNodes = nodes;
            required = nodes.length;
            splitOfSet = p.rules.splitPenalty(required);
            for (int k = order.length - 1; k >= 0; k--) {
                int i = order[k];
                int[] within = setOptions[k];
                int count = 0;
                double least = p.unfilledPerUnit;
                for (int n : nodes) {
                    int index = optionIndex[i][n];
                    if (index < 0) {
                        continue;
                    }
                    int at = count++;
                    while (at > 0 && optionIndex[i][within[at - 1]] > index) {
                        within[at] = within[at - 1];
                        at--;
                    }
                    within[at] = n;
                    least = Math.min(least, p.unitFloor[n][i]);
                }
                setOptionCount[k] = count;
                setUnitBound[k] = least;
                setSuffixBound[k] = setSuffixBound[k + 1] + least * p.qty[i];
            }
            place(0, p.qty[order[0]], 0, 0);
        }

        /**
         * Inner level: places the {@code remaining} units of the k-th line, on its options within the set from
         * position {@code from} on.
         */
        private void place(int k, int remaining, int from, double cost) {
            if (++explored >= budget) {
                return;
            }
            if (remaining == 0) {
                // the next line's first placement, or the finished plan, checks the same bound
                next(k, cost);
                return;
            }
            int i = order[k];
            if (cost + splitOfSet + setUnitBound[k] * remaining + setSuffixBound[k + 1] >= bestCost - EPSILON) {
                return;
            }
            if (cost + splitOfSet + sharperBound(k, remaining, from) >= bestCost - EPSILON) {
                return;
            }
            if (!p.allOrNothing || unfilled == 0) {
                int[] within = setOptions[k];
                int count = setOptionCount[k];
                for (int o = from; o < count; o++) {
                    int n = within[o];
                    int room = Math.min(remaining, ledger.room(n, i));
                    double perUnitPlane = linearUnit[n * lines + i];
                    double perUnitPrice = p.surcharge[n][i];
                    for (int units = room; units > 0; units--) {
                        double before = parcelCost[n];
                        ledger.take(n, i, units);
                        double after = p.coster.cost(n, ledger.weight(n), ledger.volume(n), ledger.units(n),
                                ledger.goods(n));
                        parcelCost[n] = after;
                        planeUnits[n] += units * perUnitPlane;
                        surchargeSoFar[n] += units * perUnitPrice;
                        placedLine[placed] = i;
                        placedNode[placed] = n;
                        placedUnits[placed++] = units;
                        place(k, remaining - units, o + 1, cost + after - before + units * perUnitPrice);
                        placed--;
                        planeUnits[n] -= units * perUnitPlane;
                        surchargeSoFar[n] -= units * perUnitPrice;
                        parcelCost[n] = before;
                        ledger.release(n, i, units);
                    }
                }
            }
            if (!p.allOrNothing || ledger.filled() == 0) {
                unfilled += remaining;
                next(k, cost + p.unfilledPerUnit * remaining);
                unfilled -= remaining;
            }
        }

        /**
         * A lower bound on what is still to come: the fixed floors of the set's parcels not yet opened, and the
         * better of two floors for the units still to place. Each unit at the least it can add (an open parcel's
         * marginal floor, a closed one's linear unit floor), or each unit at its linear unit floor in any parcel
         * less the open parcels' slack: a parcel never costs less than its linear plane, so an open parcel can
         * absorb units below their linear floor only by what it already costs above its plane.
         */
        private double sharperBound(int k, int remaining, int from) {
            boolean mayLeave = !p.allOrNothing || ledger.filled() == 0;
            boolean mayFill = !p.allOrNothing || unfilled == 0;
            double leave = mayLeave ? p.unfilledPerUnit : Double.POSITIVE_INFINITY;
            double fixed = 0;
            double slack = 0;
            int closedUnits = 0;
            for (int n : setNodes) {
                if (!ledger.isOpen(n)) {
                    fixed += fixedFloor[n];
                    closedUnits++;
                } else {
                    slack += Math.max(0, parcelCost[n] + surchargeSoFar[n] - fixedFloor[n] - planeUnits[n]);
                }
            }
            double marginal = 0;
            double linear = 0;
            int unitsToCome = 0;
            for (int q = k; q < order.length; q++) {
                int j = order[q];
                int units = q == k ? remaining : p.qty[j];
                if (units == 0) {
                    continue;
                }
                unitsToCome += units;
                double least = leave;
                double leastLinear = leave;
                if (mayFill) {
                    int[] within = setOptions[q];
                    int count = setOptionCount[q];
                    for (int o = q == k ? from : 0; o < count; o++) {
                        int n = within[o];
                        // a node without room left for the line is no option: its floors count as infinite
                        double shut = SHUT_UNLESS_ROOM[Math.min(ledger.room(n, j), 1)];
                        double linearHere = linearUnit[n * lines + j];
                        leastLinear = Math.min(leastLinear, linearHere + shut);
                        least = Math.min(least, (ledger.isOpen(n) ? p.unitFloor[n][j] : linearHere) + shut);
                    }
                }
                // a line that can neither ship nor stay unfilled makes the bound infinite
                marginal += units * least;
                linear += units * leastLinear;
            }
            return unitsToCome < closedUnits ? Double.POSITIVE_INFINITY : fixed + Math.max(marginal, linear - slack);
        }

        /** The assignment of {@code count} placed entries: of {@code saved} (line, node, units) triples, else of those placed now. */
        private int[][] fromPlaced(int[] saved, int count) {
            int[][] take = p.nothing();
            for (int e = 0; e < count; e++) {
                if (saved == null) {
                    take[placedLine[e]][placedNode[e]] = placedUnits[e];
                } else {
                    take[saved[3 * e]][saved[3 * e + 1]] = saved[3 * e + 2];
                }
            }
            return take;
        }

        private void next(int k, double cost) {
            if (k + 1 < order.length) {
                place(k + 1, p.qty[order[k + 1]], 0, cost);
                return;
            }
            if (ledger.shipments() < required) {
                return;
            }
            double total = cost + p.rules.splitPenalty(ledger.shipments());
            if (collected != null) {
                if (total < bestCost - EPSILON) {
                    collected.add(fromPlaced(null, placed));
                    if (collected.size() > maxPlans) {
                        explored = budget;
                    }
                }
                return;
            }
            if (total < bestCost - EPSILON) {
                bestCost = total;
                best = null;
                if (bestPlaced.length != 3 * placed) {
                    bestPlaced = new int[3 * placed];
                }
                for (int e = 0; e < placed; e++) {
                    bestPlaced[3 * e] = placedLine[e];
                    bestPlaced[3 * e + 1] = placedNode[e];
                    bestPlaced[3 * e + 2] = placedUnits[e];
                }
            }
        }
    }
}
