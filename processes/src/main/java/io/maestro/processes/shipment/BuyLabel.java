package io.maestro.processes.shipment;

import io.maestro.core.carrier.CarrierConstraint;
import io.maestro.core.carrier.CarrierModel;
import io.maestro.core.carrier.CarrierSelection;
import io.maestro.core.geo.GeoPoint;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.ShipmentCost;
import io.maestro.core.partner.CarrierGateway;
import io.maestro.core.partner.Label;
import io.maestro.core.partner.LabelRequest;
import io.maestro.core.partner.PartnerUnavailableException;
import io.maestro.core.partner.RateQuote;
import io.maestro.core.partner.RateRequest;
import io.maestro.processes.PartnerStepCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Task_BuyLabel: quotes the parcel with every carrier and buys the carrier service allocation priced the plan with,
 * unless the carrier decision does not allow it or its live quote is dearer than the estimate: then the cheapest
 * quote the carrier decision allows that keeps the promise ({@link QuoteChoice}), and the timeline says why. The
 * carrier decision is DMN {@code carrier-selection} answered through {@link CarrierSelection} for the inputs
 * Task_PrepareCarrierChoice put — the same answer, for the same goods, customer and policy, the optimiser priced the
 * plan with (Task_SelectCarrier's evaluation of it stays in the history for Cockpit). Records
 * the label with what it cost beside allocation's estimate. A free upgrade is bought without charging the customer.
 * A shipment with a label already is not labelled again; one its node no longer has ends this process
 * ({@link PartnerStepCheck#label}).
 */
@Component("buyLabel")
public class BuyLabel implements JavaDelegate {

    private final OrderService orders;
    private final NetworkService network;
    private final CarrierGateway carriers;
    private final PartnerStepCheck check;
    private final CarrierSelection selection;
    private final CarrierModel carrierModel;

    public BuyLabel(OrderService orders, NetworkService network, CarrierGateway carriers, PartnerStepCheck check,
                    CarrierSelection selection, CarrierModel carrierModel) {
        this.orders = orders;
        this.network = network;
        this.carriers = carriers;
        this.check = check;
        this.selection = selection;
        this.carrierModel = carrierModel;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ShipmentInProcess s = ShipmentInProcess.load(orders, execution);
        if (check.label(s.orderId(), s.shipment(), ShipmentInProcess.ACTOR) == PartnerStepCheck.Verdict.DONE_BEFORE) {
            return;
        }
        Node node = network.get(s.shipment().nodeId());
        BigDecimal weight = BigDecimal.valueOf(((Number) execution.getVariable("weightKg")).doubleValue());
        // a shipment prepared before parcels carried their volume bills its actual weight
        double volumeCm3 = execution.getVariable("volumeCm3") instanceof Number v ? v.doubleValue() : 0;
        boolean hazmat = Boolean.TRUE.equals(execution.getVariable("hazmat"));
        boolean oversize = Boolean.TRUE.equals(execution.getVariable("oversize"));
        int promiseDays = ((Number) execution.getVariable("promiseDays")).intValue();
        CarrierConstraint allowed = selection.decide(s.orderId(), new CarrierSelection.Facts(hazmat, oversize,
                (String) execution.getVariable("customerTier"),
                Boolean.TRUE.equals(execution.getVariable("serviceUpgrade")), promiseDays));
        Predicate<RateQuote> allowedBy = QuoteChoice.allowedBy(allowed, carrierModel);
        String carrier = allowed.carriers().size() == 1 ? allowed.carriers().iterator().next() : "carriers";
        boolean freeUpgrade = allowed.freeUpgrade();

        Optional<ShipmentCost> estimate = orders.shipmentCosts(s.orderId()).stream()
                .filter(c -> c.shipmentId().equals(s.shipmentId()) && c.estimatedCost() != null).findFirst();
        record Bought(QuoteChoice.Choice choice, Label label, List<String> requoted) {
        }
        Bought bought = PartnerCalls.call(execution, s, "LABEL", carrier, () -> {
            List<RateQuote> quotes = carriers.quote(new RateRequest(s.shipmentId(), node.address().postalCode(),
                    node.location(), s.order().shipTo().postalCode(), new GeoPoint(s.order().latitude(),
                    s.order().longitude()), weight, hazmat, oversize, volumeCm3));
            List<String> requoted = new ArrayList<>();
            Optional<QuoteChoice.Choice> planned = estimate.flatMap(e -> QuoteChoice.planned(quotes, allowedBy,
                    allowed.describe(), promiseDays, e.estimatedCarrier(), e.estimatedService(), e.estimatedCost(),
                    requoted));
            QuoteChoice.Choice choice = planned.or(() -> QuoteChoice.choose(quotes, allowedBy, promiseDays))
                    .orElseThrow(() -> new PartnerUnavailableException("carriers", "no quote for " + allowed.describe()
                            + " among " + quotes.size() + " quotes"));
            RateQuote q = choice.quote();
            return new Bought(choice, carriers.buyLabel(new LabelRequest(s.orderId(), s.shipmentId(), node.id(),
                    q.carrier(), q.service(), s.order().shipTo(), weight, hazmat, oversize, volumeCm3)), requoted);
        });

        Label label = bought.label();
        BigDecimal paid = label.price() != null ? label.price() : bought.choice().quote().price();
        orders.recordLabel(s.orderId(), s.shipmentId(), label.carrier(), label.service(), label.trackingNumber(),
                paid, label.co2Kg(), label.estimatedDelivery(), ShipmentInProcess.ACTOR);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("shipmentId", s.shipmentId());
        details.put("allowed", allowed.describe());
        details.put("carrierRule", allowed.reason());
        details.put("price", bought.choice().quote().price());
        details.put("transitDays", bought.choice().quote().transitDays());
        details.put("keepsPromise", bought.choice().keepsPromise());
        details.put("customerCharged", !freeUpgrade);
        estimate.ifPresent(e -> {
            details.put("estimatedCarrier", e.estimatedCarrier() + " " + e.estimatedService());
            details.put("estimatedCost", e.estimatedCost());
            details.put("estimatedCo2Kg", e.estimatedCo2Kg());
        });
        details.put("labelCost", paid);
        details.put("labelCo2Kg", label.co2Kg());
        if (!bought.requoted().isEmpty()) {
            details.put("requotedBecause", String.join("; ", bought.requoted()));
        }
        orders.record(s.orderId(), "CARRIER_CHOSEN", ShipmentInProcess.ACTOR, label.carrier() + " " + label.service()
                + " at " + bought.choice().quote().price() + " in " + bought.choice().quote().transitDays() + " days"
                + (bought.choice().keepsPromise() ? ", within the " + promiseDays + "-day promise"
                : ", the fastest allowed: no quote keeps the " + promiseDays + "-day promise")
                + (freeUpgrade ? "; free upgrade, not charged to the customer" : "")
                + estimate.map(e -> "; estimated at allocation: " + e.estimatedCarrier() + " " + e.estimatedService()
                        + " at " + e.estimatedCost() + " (" + e.estimatedCo2Kg() + " kg CO2e), label "
                        + paid + " (" + label.co2Kg() + " kg CO2e)"
                        + (bought.requoted().isEmpty() ? "" : "; re-quoted because " + String.join("; ", bought.requoted())))
                        .orElse(""), details);
    }
}
