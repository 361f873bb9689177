package io.maestro.workers.allocation.problem;

import io.maestro.workers.allocation.cost.ShipmentCoster;
import io.maestro.workers.allocation.model.AllocationPlan;
import io.maestro.workers.allocation.model.CostBreakdown;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.OrderLine;
import io.maestro.workers.allocation.model.Shipment;
import java.util.ArrayList;
import java.util.List;

/** Turns an assignment into the plan people and the worker read. */
public final class PlanBuilder {

    private PlanBuilder() {
    }

    public static AllocationPlan build(AllocationProblem p, int[][] take) {
        List<Shipment> shipments = new ArrayList<>();
        CostBreakdown total = CostBreakdown.ZERO;
        for (int n = 0; n < p.nodes.length; n++) {
            List<OrderLine> lines = new ArrayList<>();
            double weight = 0;
            double volume = 0;
            int units = 0;
            for (int i = 0; i < p.lines.length; i++) {
                if (take[i][n] > 0) {
                    lines.add(p.lines[i].withQuantity(take[i][n]));
                    weight += take[i][n] * p.unitWeight[i];
                    volume += take[i][n] * p.unitVolume[i];
                    units += take[i][n];
                }
            }
            if (units == 0) {
                continue;
            }
            ShipmentCoster.Costing costing = p.coster.costing(n, weight, volume, units, p.goodsOf(take, n));
            Node node = p.nodes[n];
            shipments.add(new Shipment(node.id(), node.name(), node.type(), lines, costing.quote().carrier(),
                    costing.quote().service(), costing.quote().price(), costing.total(), costing.etaDays(),
                    costing.quote().co2Kg(), p.miles[n], costing.etaDays() <= p.request.order().promiseDays()));
            total = total.plus(costing.breakdown());
        }
        List<OrderLine> unfilled = new ArrayList<>();
        int unfilledUnits = 0;
        for (int i = 0; i < p.lines.length; i++) {
            int shipped = 0;
            for (int n = 0; n < p.nodes.length; n++) {
                shipped += take[i][n];
            }
            if (shipped < p.qty[i]) {
                unfilled.add(p.lines[i].withQuantity(p.qty[i] - shipped));
                unfilledUnits += p.qty[i] - shipped;
            }
        }
        total = total.withSplit(p.rules.splitPenalty(shipments.size()))
                .withUnfilled(p.rules.unfilledPenalty(unfilledUnits));
        return new AllocationPlan(p.request.order().orderId(), shipments, unfilled, total);
    }
}
