package io.maestro.workers.allocation.batch;

import static io.maestro.workers.allocation.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.maestro.workers.allocation.AllocationEngine;
import io.maestro.workers.allocation.Fixtures;
import io.maestro.workers.allocation.RandomInstances;
import io.maestro.workers.allocation.model.Goods;
import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.AtpSnapshot;
import io.maestro.workers.allocation.model.GeoPoint;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.NodeType;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.Policy;
import io.maestro.workers.allocation.problem.AllocationProblem;
import io.maestro.workers.bench.LiteratureRateCard;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class WaveOptimizerTest {

    private static final List<Node> NODES = List.of(
            Fixtures.dc("BKN", "Brooklyn DC", Fixtures.BROOKLYN_11232),
            Fixtures.dc("LAX", "Los Angeles DC", Fixtures.LOS_ANGELES));
    private static final AtpSnapshot ONE_EACH = Fixtures.atp("BKN:X=1", "LAX:X=1");

    private static AllocationRequest order(String id, GeoPoint shipTo, AtpSnapshot atp) {
        return Fixtures.request(Order.ship(id, shipTo, 2, List.of(line("X", 1))), Policy.balanced(), NODES, atp);
    }

    /**
     * Chicago orders first and takes Brooklyn, the cheaper DC for it, leaving New York an overnight parcel
     * from Los Angeles. Seen together, Chicago takes Los Angeles and New York takes Brooklyn.
     */
    @Test
    void aWaveGivesScarceStockToTheOrderThatNeedsItMost() {
        AllocationEngine realTime = new AllocationEngine();
        AllocationPlan chicagoAlone = realTime.allocate(order("CHI", Fixtures.CHICAGO, ONE_EACH)).plan();
        AllocationPlan newYorkAfter = realTime.allocate(order("NYC", Fixtures.NEW_YORK_10001,
                Fixtures.atp("LAX:X=1"))).plan();
        double sequential = chicagoAlone.totalCost() + newYorkAfter.totalCost();
        assertThat(chicagoAlone.shipments().get(0).nodeId()).isEqualTo("BKN");

        List<AllocationProblem> wave = List.of(AllocationProblem.of(order("CHI", Fixtures.CHICAGO, ONE_EACH)),
                AllocationProblem.of(order("NYC", Fixtures.NEW_YORK_10001, ONE_EACH)));
        WaveOptimizer.WaveSolution solution = new WaveOptimizer(10).optimise(wave, null);
        AllocationPlan chicago = wave.get(0).plan(solution.takes().get(0));
        AllocationPlan newYork = wave.get(1).plan(solution.takes().get(1));

        assertThat(solution.optimal()).isTrue();
        assertThat(chicago.shipments().get(0).nodeId()).isEqualTo("LAX");
        assertThat(newYork.shipments().get(0).nodeId()).isEqualTo("BKN");
        assertThat(chicago.totalCost() + newYork.totalCost()).isLessThan(sequential);
        double bound = new WaveOptimizer(10).lowerBound(wave);
        assertThat(bound).isLessThanOrEqualTo(chicago.totalCost() + newYork.totalCost() + 1e-6);
        assertThat(bound).isLessThanOrEqualTo(solution.modelCost() + 1e-6);
    }

    @Test
    void theLagrangianBoundPricesTheScarceUnitAndStaysBelowTheBestWave() {
        AllocationRequest chicago = order("CHI", Fixtures.CHICAGO, ONE_EACH);
        AllocationRequest newYork = order("NYC", Fixtures.NEW_YORK_10001, ONE_EACH);
        AllocationEngine realTime = new AllocationEngine();
        double eachAlone = realTime.allocate(chicago).plan().totalCost() + realTime.allocate(newYork).plan().totalCost();
        List<AllocationProblem> wave = List.of(AllocationProblem.of(chicago), AllocationProblem.of(newYork));
        WaveOptimizer.WaveSolution solution = new WaveOptimizer(10).optimise(wave, null);
        double bestWave = wave.get(0).evaluate(solution.takes().get(0)) + wave.get(1).evaluate(solution.takes().get(1));

        LagrangianBound.Result bound = new LagrangianBound(50).compute(List.of(chicago, newYork), bestWave);

        assertThat(bound.valid()).isTrue();
        assertThat(bound.bound()).isLessThanOrEqualTo(bestWave + 1e-6);
        assertThat(bound.bound()).isGreaterThan(eachAlone + 1.0);
    }

    @Test
    void aWaveNeverSellsTheSameUnitTwice() {
        List<AllocationProblem> wave = List.of(
                AllocationProblem.of(order("A", Fixtures.CHICAGO, Fixtures.atp("BKN:X=1"))),
                AllocationProblem.of(order("B", Fixtures.NEW_YORK_10001, Fixtures.atp("BKN:X=1"))));
        WaveOptimizer.WaveSolution solution = new WaveOptimizer(10).optimise(wave, null);

        int shipped = wave.get(0).plan(solution.takes().get(0)).filledUnits()
                + wave.get(1).plan(solution.takes().get(1)).filledUnits();
        assertThat(shipped).isEqualTo(1);
        assertThat(wave.get(1).plan(solution.takes().get(1)).filledUnits()).isEqualTo(1);
    }

    /** The wave model's parcel cost never exceeds the real one, so its relaxation is a true lower bound. */
    @Property(tries = 200)
    void theLinearParcelCostNeverExceedsTheRealOne(@ForAll long seed) {
        AllocationProblem p = AllocationProblem.of(RandomInstances.request(seed, 5, 6));
        java.util.Random random = new java.util.Random(seed);
        for (int n = 0; n < p.nodeCount(); n++) {
            double weight = 0;
            int units = 0;
            double linear = p.coster.linearFixed(n);
            for (int i = 0; i < p.lineCount(); i++) {
                int take = random.nextInt(p.qty[i] + 1);
                weight += take * p.unitWeight[i];
                units += take;
                linear += take * p.coster.linearPerUnit(n, p.unitWeight[i]);
            }
            if (units > 0) {
                assertThat(linear).isLessThanOrEqualTo(p.coster.cost(n, weight, 0, units, Goods.ORDINARY) + 1e-9);
            }
        }
    }

    @Test
    void theModelCostOfAnOptimalWaveMatchesItsPlansForTheLiteratureCard() {
        Map<String, Map<String, Integer>> stock = new HashMap<>();
        stock.put("BKN", Map.of("X", 2, "Y", 1));
        stock.put("LAX", Map.of("X", 5, "Y", 5));
        Policy literature = new Policy(1, 0, 0, 3, true, true, 0, 0, 0, 21.0);
        List<Node> nodes = List.of(Node.of("BKN", "Brooklyn DC", NodeType.DC, Fixtures.BROOKLYN_11232, 8.759, 0.423),
                Node.of("LAX", "Los Angeles DC", NodeType.DC, Fixtures.LOS_ANGELES, 8.759, 0.423));
        List<AllocationProblem> wave = List.of("A", "B", "C").stream()
                .map(id -> AllocationProblem.of(new AllocationRequest(
                        Order.ship(id, Fixtures.CHICAGO, 5, List.of(line("X", 1), line("Y", 1))), literature, nodes,
                        AtpSnapshot.of(stock), List.of(LiteratureRateCard.literature()))))
                .toList();
        WaveOptimizer.WaveSolution solution = new WaveOptimizer(10).optimise(wave, null);

        double planned = 0;
        for (int o = 0; o < wave.size(); o++) {
            planned += wave.get(o).evaluate(solution.takes().get(o));
        }
        assertThat(solution.optimal()).isTrue();
        assertThat(planned).isCloseTo(solution.modelCost(), within(1e-6));
    }
}
