package io.maestro.workers.allocation.explain;

import io.maestro.workers.allocation.cost.CostRules;
import io.maestro.workers.allocation.model.AllocationRequest;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.OrderLine;
import io.maestro.workers.allocation.model.RateCard;
import io.maestro.workers.allocation.model.Service;
import io.maestro.workers.allocation.model.Shipment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The carrier services a planned parcel did not take, and why: dearer under the policy (by how much, and with
 * what emissions), or later than the promise. Carriers and services the order's terms rule out are not offered
 * at all (see {@link CarrierRateCard}).
 */
public final class CarrierAlternatives {

    private static final int SHOWN = 3;

    private CarrierAlternatives() {
    }

    /** e.g. "THRIFT GROUND won over GREENLINE GROUND $9.35 (+$0.65, 0.05 kg CO2e less); SWIFT GROUND …". */
    public static String describe(AllocationRequest request, Shipment parcel) {
        if (parcel.service() == Service.PICKUP) {
            return "";
        }
        Node node = request.nodes().stream().filter(n -> n.id().equals(parcel.nodeId())).findFirst().orElse(null);
        if (node == null) {
            return "";
        }
        CostRules rules = new CostRules(request.policy());
        int promise = request.order().promiseDays();
        double weight = parcel.lines().stream().mapToDouble(OrderLine::weightLb).sum();
        record Option(String name, double price, double co2, int eta, double weighted) {
        }
        List<Option> options = new ArrayList<>();
        int goods = 0;
        double volume = 0;
        for (OrderLine line : parcel.lines()) {
            goods |= line.goods();
            volume += line.quantity() * line.unitVolumeCm3();
        }
        for (RateCard card : request.cards(goods)) {
            for (Service service : card.services()) {
                if (card.carrier().equals(parcel.carrier()) && service == parcel.service()) {
                    continue;
                }
                RateCard.Lane lane = card.lane(service, parcel.miles());
                double price = lane.price(weight, volume, parcel.units());
                double co2 = lane.co2Kg(weight);
                int eta = node.daysToShip() + card.transitDays(service, parcel.miles());
                options.add(new Option(card.carrier() + " " + service, price, co2, eta,
                        rules.carrierPrice(price) + rules.carbonCost(co2) + rules.latenessPenalty(eta, promise)));
            }
        }
        if (options.isEmpty()) {
            return parcel.carrier() + " " + parcel.service() + " was the only service allowed";
        }
        List<String> lost = options.stream().sorted(Comparator.comparingDouble(Option::weighted)).limit(SHOWN)
                .map(o -> {
                    if (o.eta() > promise && parcel.onTime()) {
                        return String.format(Locale.ROOT, "%s $%.2f would arrive in %d days, after the %d-day promise",
                                o.name(), o.price(), o.eta(), promise);
                    }
                    double co2 = o.co2() - parcel.co2Kg();
                    return String.format(Locale.ROOT, "%s $%.2f (%s%s)", o.name(), o.price(),
                            AlternativeExplainer.money(o.price() - parcel.price()),
                            Math.abs(co2) < 0.005 ? "" : String.format(Locale.ROOT, ", %.2f kg CO2e %s",
                                    Math.abs(co2), co2 < 0 ? "less" : "more"));
                })
                .collect(Collectors.toList());
        return parcel.carrier() + " " + parcel.service() + " from " + parcel.nodeName() + " won over "
                + String.join("; ", lost);
    }
}
