package io.maestro.workers.allocation.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class DominatedPlansTest {

    /**
     * Limit 0 (one unit) binds, limit 1 (ten units) cannot. Order 0's plan 1 costs more than plan 0 and uses
     * no more of limit 0; plan 3 uses what plan 0 uses of it at the same cost; both go. Plan 2 uses nothing,
     * so it stays though dearer.
     */
    @Test
    void aPlanDearerThanOneUsingNoMoreOfTheLimitsThatCanBindIsDropped() {
        Plans plans = new Plans(new int[]{1, 10});
        plans.add(0, 5, new int[]{0, 1}, new int[]{1, 1});
        plans.add(0, 6, new int[]{0}, new int[]{1});
        plans.add(0, 7, new int[]{}, new int[]{});
        plans.add(0, 5, new int[]{0, 1}, new int[]{1, 3});
        plans.add(1, 2, new int[]{0}, new int[]{1});
        plans.add(1, 3, new int[]{}, new int[]{});

        DominatedPlans.Kept kept = plans.prune();

        assertThat(kept.ofOrder()).containsExactly(List.of(0, 2), List.of(4, 5));
        assertThat(kept.binding()).containsExactly(true, false);
        assertThat(kept.replace(new int[]{1, 5})).containsExactly(0, 5);
        assertThat(kept.replace(new int[]{3, 4})).containsExactly(0, 4);
        assertThat(plans.optimum(kept.ofOrder())).isEqualTo(plans.optimum(plans.ofOrder)).isEqualTo(8);
    }

    /**
     * On random plans and limits the cheapest choice among the plans kept is the cheapest among all, and every
     * choice that keeps the limits, its plans replaced by those kept in their place, keeps them too at no more cost.
     */
    @Property(tries = 200)
    void theOptimumAmongThePlansKeptIsTheOptimumAmongAll(@ForAll long seed) {
        Random random = new Random(seed);
        int limitCount = 1 + random.nextInt(3);
        int[] limits = new int[limitCount];
        for (int r = 0; r < limitCount; r++) {
            limits[r] = random.nextInt(4);
        }
        Plans plans = new Plans(limits);
        int orders = 2 + random.nextInt(2);
        for (int o = 0; o < orders; o++) {
            for (int p = 0; p < 2 + random.nextInt(5); p++) {
                List<Integer> resources = new ArrayList<>();
                List<Integer> units = new ArrayList<>();
                for (int r = 0; r < limitCount; r++) {
                    if (random.nextBoolean()) {
                        resources.add(r);
                        units.add(1 + random.nextInt(2));
                    }
                }
                plans.add(o, random.nextInt(6), resources.stream().mapToInt(Integer::intValue).toArray(),
                        units.stream().mapToInt(Integer::intValue).toArray());
            }
        }

        DominatedPlans.Kept kept = plans.prune();

        assertThat(plans.optimum(kept.ofOrder())).isEqualTo(plans.optimum(plans.ofOrder));
        plans.everyChoice(plans.ofOrder, 0, new int[orders], choice -> {
            if (plans.keepsTheLimits(choice)) {
                int[] replaced = kept.replace(choice);
                assertThat(plans.keepsTheLimits(replaced)).isTrue();
                assertThat(plans.cost(replaced)).isLessThanOrEqualTo(plans.cost(choice) + 1e-9);
                for (int o = 0; o < orders; o++) {
                    assertThat(kept.ofOrder().get(o)).contains(replaced[o]);
                }
            }
        });
    }

    /** Candidate plans by order, their costs and uses, and the limits. */
    private static final class Plans {
        final int[] limits;
        final List<List<Integer>> ofOrder = new ArrayList<>();
        final List<Double> cost = new ArrayList<>();
        final List<int[]> resources = new ArrayList<>();
        final List<int[]> units = new ArrayList<>();

        Plans(int[] limits) {
            this.limits = limits;
        }

        void add(int order, double planCost, int[] planResources, int[] planUnits) {
            while (ofOrder.size() <= order) {
                ofOrder.add(new ArrayList<>());
            }
            ofOrder.get(order).add(cost.size());
            cost.add(planCost);
            resources.add(planResources);
            units.add(planUnits);
        }

        DominatedPlans.Kept prune() {
            return DominatedPlans.prune(ofOrder, cost.stream().mapToDouble(Double::doubleValue).toArray(),
                    resources.toArray(int[][]::new), units.toArray(int[][]::new), limits);
        }

        boolean keepsTheLimits(int[] choice) {
            int[] used = new int[limits.length];
            for (int c : choice) {
                for (int k = 0; k < resources.get(c).length; k++) {
                    used[resources.get(c)[k]] += units.get(c)[k];
                }
            }
            for (int r = 0; r < limits.length; r++) {
                if (used[r] > limits[r]) {
                    return false;
                }
            }
            return true;
        }

        double cost(int[] choice) {
            double sum = 0;
            for (int c : choice) {
                sum += cost.get(c);
            }
            return sum;
        }

        /** The cheapest choice of one plan per order among {@code candidates} that keeps the limits (∞ if none). */
        double optimum(List<List<Integer>> candidates) {
            double[] best = {Double.POSITIVE_INFINITY};
            everyChoice(candidates, 0, new int[candidates.size()], choice -> {
                if (keepsTheLimits(choice)) {
                    best[0] = Math.min(best[0], cost(choice));
                }
            });
            return best[0];
        }

        void everyChoice(List<List<Integer>> candidates, int o, int[] choice,
                         Consumer<int[]> visit) {
            if (o == choice.length) {
                visit.accept(choice.clone());
                return;
            }
            for (int c : candidates.get(o)) {
                choice[o] = c;
                everyChoice(candidates, o + 1, choice, visit);
            }
        }
    }
}
