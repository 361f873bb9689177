package io.maestro.workers.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.workers.allocation.AllocationEngine;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.realtime.SingleNodeOrGreedyAllocator;
import io.maestro.workers.geo.CityTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationBenchmarkTest {

    private static final CityTable CITIES = CityTable.load();

    @Test
    void theSameSeedGeneratesTheSameDay() {
        Scenario first = new ScenarioGenerator(CITIES).generate(BenchOptions.parse("--seed", "7"));
        Scenario second = new ScenarioGenerator(CITIES).generate(BenchOptions.parse("--seed", "7"));
        Scenario other = new ScenarioGenerator(CITIES).generate(BenchOptions.parse("--seed", "8"));

        assertThat(second.orders()).isEqualTo(first.orders());
        assertThat(second.nodes()).isEqualTo(first.nodes());
        assertThat(second.stock()).isDeepEqualTo(first.stock());
        assertThat(other.orders()).isNotEqualTo(first.orders());
    }

    @Test
    void thePresetShapesTheDay() {
        Scenario day = new ScenarioGenerator(CITIES).generate(BenchOptions.parse("--preset", "S", "--rho", "2.0"));

        assertThat(day.orders()).hasSize(300);
        assertThat(day.nodes()).hasSize(10);
        assertThat(day.orders()).allSatisfy(o -> assertThat(o.lines()).hasSizeBetween(1, 5));
        int supply = java.util.Arrays.stream(day.stock()).flatMapToInt(java.util.Arrays::stream).sum();
        assertThat((double) supply / day.demandUnits()).isBetween(1.95, 2.05);
        assertThat(day.orders().stream().mapToInt(Order::units).sum()).isEqualTo(day.demandUnits());
    }

    @Test
    void printsATableAndOneResultLinePerEngineAndTheRealTimeOptimumBeatsTheFewestSplitsRule() {
        Run run = Run.of("--preset", "S", "--seed", "42", "--engines", "B0,B1,B2");
        List<RunMetrics> results = run.results();
        String output = run.output();

        assertThat(output.lines().filter(l -> l.startsWith("RESULT bench=allocation preset=S engine="))).hasSize(3);
        assertThat(output).contains("split_rate=", "fill_rate=", "on_time_rate=", "co2_kg_per_order=", "wall_s=",
                "decisions_per_s=", "p50_ms=", "p99_ms=", "max_ms=");
        assertThat(results).extracting(m -> m.engine).containsExactly("B0", "B1", "B2");
        assertThat(results.get(2).cost()).isLessThanOrEqualTo(results.get(1).cost());
        assertThat(results.get(1).cost()).isLessThan(results.get(0).cost());
    }

    /** The golden S run: batch waves beat the fewest-splits rule, and the lower bound is below every engine. */
    @Test
    void onPresetSTheBatchBeatsTheFewestSplitsRuleAndTheBoundIsBelowEveryEngine() {
        Run run = Run.of("--preset", "S", "--engines", "B1,B2,B3,LB", "--lb-seconds", "0");
        List<RunMetrics> results = run.results();
        double bound = run.lowerBound();

        assertThat(results).extracting(m -> m.engine).containsExactly("B1", "B2", "B3");
        assertThat(results.get(2).cost()).isLessThan(results.get(0).cost());
        assertThat(results.get(2).fillRate()).isGreaterThanOrEqualTo(results.get(0).fillRate());
        assertThat(results).allSatisfy(m -> assertThat(m.cost()).isGreaterThanOrEqualTo(bound));
        assertThat(bound).isGreaterThan(0.8 * results.get(2).cost());
    }

    /**
     * LB by column generation on its own: it converges on S and is then the plan-choice LP relaxation, above the
     * Lagrangian bound a run without B3 takes otherwise (so it is LB's method) and at or below every engine's cost.
     */
    @Test
    void onItsOwnColumnGenerationGivesTheLpRelaxationAsLb() {
        Run run = Run.of("--preset", "S", "--engines", "B1,B2,LB", "--relaxation-seconds", "10");
        List<RunMetrics> results = run.results();
        double bound = run.lowerBound();

        assertThat(run.output()).contains("LB: column generation on its own", "(converged)");
        assertThat(run.lowerBoundLine()).contains("method=relaxation");
        assertThat(results).allSatisfy(m -> assertThat(m.cost()).isGreaterThanOrEqualTo(bound));
        assertThat(BenchOptions.parse("--relaxation-seconds", "0").relaxationSeconds()).isZero();
    }

    @Test
    void unknownOptionsAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> BenchOptions.parse("--presets", "S"))
                .hasMessageContaining("usage: AllocationBenchmark");
        assertThat(BenchOptions.parse("--kappa", "inf").kappa()).isInfinite();
        assertThatThrownBy(() -> BenchOptions.parse("--window", "-1")).hasMessageContaining("--window");
        BenchOptions batch = BenchOptions.parse("--window", "500", "--batch-seconds", "30", "--pro-rata", "true");
        assertThat(batch.windowSize()).isEqualTo(500);
        assertThat(batch.batchSeconds()).isEqualTo(30.0);
        assertThat(batch.proRata()).isTrue();
        assertThat(BenchOptions.parse().warmUp()).isEqualTo(3_000);
        assertThat(BenchOptions.parse("--warm-up", "30000").warmUp()).isEqualTo(30_000);
        assertThatThrownBy(() -> BenchOptions.parse("--warm-up", "-1")).hasMessageContaining("--warm-up");
    }

    /** Streams side by side share one engine; each decides the day on its own stock as one stream alone does. */
    @Test
    void streamsSideBySideEachMakeTheSamePlansAsOneStream() {
        Scenario day = new ScenarioGenerator(CITIES).generate(BenchOptions.parse("--preset", "S", "--seed", "42"));
        AllocationEngine engine = new AllocationEngine();

        SideBySideStreams.Outcome one = SideBySideStreams.run(engine, day, 1);
        SideBySideStreams.Outcome two = SideBySideStreams.run(engine, day, 2);
        SideBySideStreams.Outcome fewestSplits = SideBySideStreams.run(
                new AllocationEngine(new SingleNodeOrGreedyAllocator()), day, 1);

        assertThat(two.decisions()).isEqualTo(600);
        assertThat(two.all().orders()).isEqualTo(600);
        assertThat(two.streams()).allSatisfy(stream -> assertThat(stream.cost()).isEqualTo(one.streams().get(0).cost()));
        assertThat(two.samePlansAs(one)).isTrue();
        assertThat(two.coresBusy()).isPositive();
        assertThat(fewestSplits.samePlansAs(one)).isFalse();
    }

    @Test
    void withThreadsEachRealTimeEngineIsAlsoMeasuredInStreamsSideBySideAgainstOne() {
        Run run = Run.of("--preset", "S", "--engines", "B1,B2", "--warm-up", "0", "--threads", "2");

        assertThat(run.output().lines().filter(l -> l.startsWith("RESULT bench=allocation-threads preset=S")))
                .hasSize(4)
                .anySatisfy(l -> assertThat(l).startsWith("RESULT bench=allocation-threads preset=S engine=B2 "
                        + "threads=1 decisions=300 "))
                .anySatisfy(l -> assertThat(l).startsWith("RESULT bench=allocation-threads preset=S engine=B2 "
                        + "threads=2 decisions=600 ").contains("cpu_decisions_per_s=", "cpu_p99_ms=",
                        "cores_busy=", "ratio_to_1_thread=", "same_plans=true"));
        assertThat(Run.of("--preset", "S", "--engines", "B1", "--warm-up", "0").output())
                .doesNotContain("allocation-threads");
        assertThat(BenchOptions.parse().threads()).isEqualTo(1);
        assertThatThrownBy(() -> BenchOptions.parse("--threads", "0")).hasMessageContaining("--threads");
    }

    /** Every step of a real-time decision is timed, and so is the search alone on prebuilt problems. */
    @Test
    void theRealTimeOptimisersStepsAreMeasured() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        double[] micros = new RealTimePhases(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(BenchOptions.parse("--preset", "S", "--seed", "42"), 1);

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("RESULT bench=realtime-phases preset=S build_us=");
        assertThat(micros[0]).isPositive();
        assertThat(micros[1]).isPositive();
        assertThat(micros[3]).isPositive();
        assertThat(micros[5]).isPositive();
        assertThat(micros[6]).isPositive();
    }

    /** Windows with pro-rata shares never hand a window more than what is left, nor sell a unit twice. */
    @Test
    void proRataWindowsKeepToTheStockLeft() {
        Run run = Run.of("--preset", "S", "--engines", "B1,B3", "--window", "100", "--batch-seconds", "3",
                "--pro-rata", "true");
        List<RunMetrics> results = run.results();

        assertThat(run.output()).contains("3 window(s) of at most 100 orders");
        assertThat(results.get(1).fillRate()).isGreaterThan(0.95);
    }

    /** One benchmark run: the engines' figures and what it printed. */
    private record Run(List<RunMetrics> results, String output) {

        static Run of(String... args) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            List<RunMetrics> results = new AllocationBenchmark(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                    .run(BenchOptions.parse(args));
            return new Run(results, bytes.toString(StandardCharsets.UTF_8));
        }

        String lowerBoundLine() {
            return output.lines().filter(l -> l.contains("engine=LB")).findFirst().orElseThrow();
        }

        double lowerBound() {
            return Double.parseDouble(lowerBoundLine().replaceAll(".* cost=([0-9.]+) .*", "$1"));
        }
    }
}
