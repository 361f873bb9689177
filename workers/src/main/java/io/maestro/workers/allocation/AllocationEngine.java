package io.maestro.workers.allocation;

import io.maestro.workers.allocation.explain.AlternativeExplainer;
import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.OrderLine;
import io.maestro.workers.allocation.model.RejectedAlternative;
import io.maestro.workers.allocation.model.ShadowPrices;
import io.maestro.workers.allocation.problem.AllocationProblem;
import io.maestro.workers.allocation.problem.Assignment;
import io.maestro.workers.allocation.problem.PlanBuilder;
import io.maestro.workers.allocation.realtime.Allocator;
import io.maestro.workers.allocation.realtime.BranchAndBoundAllocator;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The allocation engine's entry point: decides which nodes ship which lines of one order, at which carrier
 * service, at the least cost under the policy, and explains the choice. Stateless and thread-safe.
 */
public final class AllocationEngine {

    private final Allocator allocator;

    /** The real-time optimiser, exact for one order. */
    public AllocationEngine() {
        this(new BranchAndBoundAllocator());
    }

    public AllocationEngine(Allocator allocator) {
        this.allocator = allocator;
    }

    public String rule() {
        return allocator.name();
    }

    public AllocationResult allocate(AllocationRequest request) {
        return allocate(request, ShadowPrices.NONE);
    }

    /**
     * The plan that is cheapest once each unit taken is also charged its shadow price — what it is worth to
     * orders still to come. The plan's cost breakdown stays at real prices.
     */
    public AllocationResult allocate(AllocationRequest request, ShadowPrices prices) {
        AllocationProblem problem = AllocationProblem.of(request, prices);
        Assignment assignment = allocator.assign(problem);
        int[][] take = assignment.shared();
        if (!problem.feasible(take)) {
            throw new IllegalStateException(allocator.name() + " produced an infeasible plan for order "
                    + request.order().orderId() + ": " + Arrays.deepToString(take));
        }
        AllocationPlan plan = PlanBuilder.build(problem, take);
        List<RejectedAlternative> alternatives = AlternativeExplainer.explain(problem, take, plan);
        return new AllocationResult(plan, alternatives, assignment.explored(), assignment.proven(), allocator.name());
    }

    /** The remaining lines of an order again, without the nodes that rejected it or ran short. */
    public AllocationResult reallocate(AllocationRequest request, List<OrderLine> remainingLines,
                                       Set<String> excludedNodeIds) {
        return allocate(request.reallocation(remainingLines, excludedNodeIds));
    }
}
