package io.maestro.workers.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The life-cycle correction against values worked out by hand (the steps are in the comments). */
class LifeCycleTest {

    @Test
    void theAgeClassCountsBucketsSinceTheFirstDemand() {
        assertThat(LifeCycle.ageClass(new double[] {0, 0, 0})).isEqualTo(LifeCycle.NEVER);
        assertThat(LifeCycle.ageClass(new double[] {0, 0, 5, 0})).isEqualTo(LifeCycle.ESTABLISHED);
        assertThat(LifeCycle.ageClass(new double[] {0, 0, 0, 1})).isZero();
        assertThat(LifeCycle.ageClass(withAge(2))).isZero();
        assertThat(LifeCycle.ageClass(withAge(3))).isEqualTo(1);
        assertThat(LifeCycle.ageClass(withAge(11))).isEqualTo(2);
        assertThat(LifeCycle.ageClass(withAge(23))).isEqualTo(4);
        assertThat(LifeCycle.ageClass(withAge(24))).isEqualTo(5);
    }

    @Test
    void multipliersAreActualOverForecastPooledByClass() {
        // Naive, horizon 2, origins from 2. Series A {0,0,0,2,0,1,3}: origins 2 and 3 have seen no demand (never,
        // forecast 0: multiplier stays 1); origin 4 sees {0,0,0,2} (age 1, class 0): forecast 2, next two mean
        // 0.5; origin 5 sees age 2: forecast 0, next two mean 2 → class 0: 2.5 ÷ 2 = 1.25.
        // Series B {1,2,2,1,0}: established; origin 2 forecast 2, next two mean 1.5; origin 3 forecast 2, mean
        // 0.5 → 2 ÷ 4 = 0.5.
        LifeCycle lifeCycle = LifeCycle.learn(
                List.of(new double[] {0, 0, 0, 2, 0, 1, 3}, new double[] {1, 2, 2, 1, 0}), new Naive(), 2, 2);
        assertThat(lifeCycle.multiplier(0)).isCloseTo(1.25, within(1e-12));
        assertThat(lifeCycle.multiplier(LifeCycle.ESTABLISHED)).isCloseTo(0.5, within(1e-12));
        assertThat(lifeCycle.multiplier(LifeCycle.NEVER)).isEqualTo(1);
        assertThat(lifeCycle.multiplier(3)).isEqualTo(1);

        Fit fit = lifeCycle.adjust(new Naive()).fit(new double[] {0, 0, 0, 0, 4}, 2);
        assertThat(fit.method()).isEqualTo("NAIVE-LIFECYCLE");
        assertThat(fit.ahead()).containsExactly(5, 5);
        assertThat(fit.inSample()[4]).isZero();
        assertThat(fit.parameters()).containsEntry("lifeCycleMultiplier", 1.25);
    }

    private static double[] withAge(int age) {
        double[] history = new double[3 + age];
        history[3] = 1;
        return history;
    }
}
