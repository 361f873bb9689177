package io.maestro.workers.allocate;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.workers.allocation.AllocationResult;
import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.CostBreakdown;
import io.maestro.workers.allocation.model.NodeType;
import io.maestro.workers.allocation.model.OrderLine;
import io.maestro.workers.allocation.model.RejectedAlternative;
import io.maestro.workers.allocation.model.Service;
import io.maestro.workers.allocation.model.Shipment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The candidate plans as the operator's table: the chosen plan, then each node passed over with cost, ETA and why. */
class CandidatePlanTableTest {

    private static final Shipment OLEAN = new Shipment("DC-OLEAN", "Olean DC", NodeType.DC,
            List.of(new OrderLine("TEE", 1, 0.5)), "THRIFT", Service.GROUND, 8.70, 12.00, 3, 0.4, 300, true);

    @Test
    void theChosenPlanComesFirstWithItsCostAndArrivalThenEachNodePassedOver() {
        AllocationPlan plan = new AllocationPlan("ORD-1", List.of(OLEAN), List.of(new OrderLine("TEE", 2, 0.5)),
                new CostBreakdown(8.70, 2.00, 1.30, 0, 0, 0, 50.00));
        AllocationResult result = new AllocationResult(plan, List.of(
                new RejectedAlternative("S-12", "Store 12 | Manhattan", 2.70, 1, "+$2.70: handling +$4.10, shipping -$1.40"),
                new RejectedAlternative("DC-BKN", "Brooklyn DC", Double.NaN, "lacks TEE (0 of 3)")), 10, true, "exact");

        assertThat(CandidatePlanTable.of(result)).isEqualTo(String.join("\n",
                "| Plan | Cost | Arrives in | Ships, or why not chosen |",
                "|---|---|---|---|",
                "| Chosen: DC-OLEAN | $62.00 | 3 days | Olean DC: 1 × TEE by THRIFT GROUND; not placed now: 2 × TEE (the "
                        + "least any plan could cost) |",
                "| S-12 | $64.70 | 1 day | Store 12 \\| Manhattan: +$2.70: handling +$4.10, shipping -$1.40 |",
                "| DC-BKN | — | — | Brooklyn DC: lacks TEE (0 of 3) |"));
    }

    @Test
    void withNothingPlacedOnlyTheNodesThatCouldNotServeAreListed() {
        AllocationPlan nothing = new AllocationPlan("ORD-2", List.of(), List.of(new OrderLine("TEE", 3, 0.5)),
                CostBreakdown.ZERO);
        AllocationResult result = new AllocationResult(nothing, List.of(
                new RejectedAlternative("DC-BKN", "Brooklyn DC", Double.NaN, "paused")), 0, false, "exact");

        assertThat(CandidatePlanTable.of(result)).isEqualTo(CandidatePlanTable.HEADER
                + "\n| DC-BKN | — | — | Brooklyn DC: paused |");
    }
}
