package io.maestro.workers.allocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns an assignment into the plan people and the worker read. */
final class PlanBuilder {

    private PlanBuilder() {
    }

    static AllocationPlan build(AllocationProblem p, int[] assign) {
        Map<Integer, List<OrderLine>> byNode = new LinkedHashMap<>();
        List<OrderLine> unfilled = new ArrayList<>();
        int unfilledUnits = 0;
        for (int i = 0; i < assign.length; i++) {
            if (assign[i] == AllocationProblem.UNFILLED) {
                unfilled.add(p.lines[i]);
                unfilledUnits += p.qty[i];
            } else {
                byNode.computeIfAbsent(assign[i], n -> new ArrayList<>()).add(p.lines[i]);
            }
        }
        List<Shipment> shipments = new ArrayList<>();
        CostBreakdown total = CostBreakdown.ZERO;
        for (Map.Entry<Integer, List<OrderLine>> entry : byNode.entrySet()) {
            int n = entry.getKey();
            List<OrderLine> lines = entry.getValue();
            double w = lines.stream().mapToDouble(OrderLine::weightLb).sum();
            int u = lines.stream().mapToInt(OrderLine::quantity).sum();
            ShipmentCoster.Costing costing = p.coster.costing(n, w, u);
            Node node = p.nodes[n];
            shipments.add(new Shipment(node.id(), node.name(), node.type(), lines, costing.quote().carrier(),
                    costing.quote().service(), costing.quote().price(), costing.total(), costing.etaDays(),
                    costing.quote().co2Kg(), p.miles[n], costing.etaDays() <= p.request.order().promiseDays()));
            total = total.plus(costing.breakdown());
        }
        total = total.withSplit(p.rules.splitPenalty(shipments.size()))
                .withUnfilled(p.rules.unfilledPenalty(unfilledUnits));
        return new AllocationPlan(p.request.order().orderId(), shipments, unfilled, total);
    }
}
