package io.maestro.app.chaos;

import io.maestro.app.chaos.ChaosPlan.Action;
import io.maestro.app.chaos.ChaosPlan.FaultPlan;
import io.maestro.app.chaos.ChaosPlan.LinePlan;
import io.maestro.app.chaos.ChaosPlan.OrderPlan;
import io.maestro.app.chaos.ChaosPlan.Step;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generates chaos plans: at least 200 orders, most of them with a few steps, and a handful of partner outages. */
final class ChaosPlans {

    static final int MIN_ORDERS = 200;

    private ChaosPlans() {
    }

    static Arbitrary<ChaosPlan> plans() {
        return Combinators.combine(order().list().ofMinSize(MIN_ORDERS).ofMaxSize(MIN_ORDERS + 20),
                fault().list().ofMinSize(3).ofMaxSize(8)).as(ChaosPlan::new);
    }

    private static Arbitrary<OrderPlan> order() {
        Arbitrary<List<LinePlan>> lines = Combinators.combine(
                        Arbitraries.frequency(Tuple.of(1, 0), Tuple.of(6, 1), Tuple.of(6, 2), Tuple.of(6, 3), Tuple.of(6, 4)),
                        Arbitraries.integers().between(1, 3)).as(LinePlan::new)
                .list().ofMinSize(1).ofMaxSize(3).uniqueElements(LinePlan::skuIndex);
        return Combinators.combine(lines, address(), Arbitraries.of(true, false), step().list().ofMaxSize(3))
                .as(OrderPlan::new);
    }

    private static Arbitrary<Step> step() {
        Arbitrary<Action> action = Arbitraries.frequency(
                Tuple.of(3, Action.CANCEL), Tuple.of(3, Action.CHANGE_ADDRESS), Tuple.of(3, Action.HOLD_RELEASE),
                Tuple.of(3, Action.CANCEL_LINE), Tuple.of(3, Action.HOLD_CANCEL_LINE_RELEASE),
                Tuple.of(2, Action.DUPLICATE_EVENT), Tuple.of(2, Action.LATE_EVENT), Tuple.of(2, Action.OUT_OF_ORDER_EVENT));
        return Combinators.combine(action, Arbitraries.longs().between(0, 1_500), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1, 3), address(), Arbitraries.integers().between(0, 9).map(n -> n == 0))
                .as(Step::new);
    }

    private static Arbitrary<Integer> address() {
        return Arbitraries.integers().between(0, ChaosStock.ADDRESSES.size() - 1);
    }

    private static Arbitrary<FaultPlan> fault() {
        List<String> partners = new ArrayList<>(ChaosStock.NODES);
        partners.addAll(ChaosStock.CARRIERS);
        return Combinators.combine(Arbitraries.of(partners), Arbitraries.longs().between(0, 15_000),
                Arbitraries.longs().between(500, 4_000)).as(FaultPlan::new);
    }
}
