package io.maestro.workers.allocation.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.maestro.workers.allocation.AllocationEngine;
import io.maestro.workers.allocation.BruteForce;
import io.maestro.workers.allocation.RandomInstances;
import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.problem.AllocationProblem;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The best split the timeline reports is the cheapest plan of two parcels or more, found by brute force. */
class SplitOrWaitProperties {

    private final AllocationEngine engine = new AllocationEngine();

    @Test
    void theBestSplitIsTheCheapestPlanOfTwoParcelsOrMore() {
        int compared = 0;
        for (long seed = 0; seed < 600; seed++) {
            AllocationRequest request = RandomInstances.request(seed, 3, 4);
            AllocationPlan plan = engine.allocate(request).plan();
            AllocationProblem p = AllocationProblem.of(request);
            if (plan.shipments().size() != 1 || p.maxShipments < 2) {
                continue;
            }
            double cheapestSplit = BruteForce.plansWithin(p, plan.totalCost() + 10_000).stream()
                    .map(SplitOrWaitProperties::take).filter(take -> parcels(take) > 1)
                    .mapToDouble(p::evaluate).min().orElse(Double.NaN);
            Optional<SplitOrWait.Split> split = SplitOrWait.bestSplit(p, plan);
            if (Double.isNaN(cheapestSplit)) {
                assertThat(split).as("seed %d", seed).isEmpty();
                continue;
            }
            if (split.isPresent() && split.get().best()) {
                assertThat(split.get().plan().totalCost()).as("seed %d", seed).isCloseTo(cheapestSplit, within(0.01));
                compared++;
            } else if (split.isPresent()) {
                assertThat(split.get().plan().totalCost()).as("seed %d", seed).isGreaterThanOrEqualTo(cheapestSplit - 0.01);
            }
        }
        assertThat(compared).isGreaterThan(20);
    }

    private static int[][] take(String key) {
        String[] rows = key.substring(2, key.length() - 2).split("\\], \\[");
        return Arrays.stream(rows).map(row -> Arrays.stream(row.split(", ")).mapToInt(Integer::parseInt).toArray())
                .toArray(int[][]::new);
    }

    private static int parcels(int[][] take) {
        int count = 0;
        for (int n = 0; n < take[0].length; n++) {
            for (int[] line : take) {
                if (line[n] > 0) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }
}
