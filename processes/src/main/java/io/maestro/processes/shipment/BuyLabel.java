package io.maestro.processes.shipment;

import io.maestro.core.geo.GeoPoint;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import io.maestro.core.order.OrderService;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Task_BuyLabel: quotes the parcel, buys the cheapest quote the carrier decision allows that keeps the promise
 * ({@link QuoteChoice}) and records the label. A free upgrade is bought without charging the customer. A shipment
 * with a label already is not labelled again; one its node no longer has ends this process
 * ({@link PartnerStepCheck#label}).
 */
@Component("buyLabel")
public class BuyLabel implements JavaDelegate {

    private final OrderService orders;
    private final NetworkService network;
    private final CarrierGateway carriers;
    private final PartnerStepCheck check;

    public BuyLabel(OrderService orders, NetworkService network, CarrierGateway carriers, PartnerStepCheck check) {
        this.orders = orders;
        this.network = network;
        this.carriers = carriers;
        this.check = check;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ShipmentInProcess s = ShipmentInProcess.load(orders, execution);
        if (check.label(s.orderId(), s.shipment(), ShipmentInProcess.ACTOR) == PartnerStepCheck.Verdict.DONE_BEFORE) {
            return;
        }
        Node node = network.get(s.shipment().nodeId());
        BigDecimal weight = BigDecimal.valueOf(((Number) execution.getVariable("weightKg")).doubleValue());
        boolean hazmat = Boolean.TRUE.equals(execution.getVariable("hazmat"));
        boolean oversize = Boolean.TRUE.equals(execution.getVariable("oversize"));
        String carrier = (String) execution.getVariable("allowedCarrier");
        String service = (String) execution.getVariable("minimumService");
        int promiseDays = ((Number) execution.getVariable("promiseDays")).intValue();
        boolean freeUpgrade = Boolean.TRUE.equals(execution.getVariable("freeUpgrade"));

        record Bought(QuoteChoice.Choice choice, Label label) {
        }
        Bought bought = PartnerCalls.call(execution, s, "LABEL", carrier, () -> {
            List<RateQuote> quotes = carriers.quote(new RateRequest(s.shipmentId(), node.address().postalCode(),
                    node.location(), s.order().shipTo().postalCode(), new GeoPoint(s.order().latitude(),
                    s.order().longitude()), weight, hazmat, oversize));
            QuoteChoice.Choice choice = QuoteChoice.choose(quotes, carrier, service, promiseDays).orElseThrow(() ->
                    new PartnerUnavailableException("carriers", "no quote for " + carrier + " " + service
                            + " or faster among " + quotes.size() + " quotes"));
            RateQuote q = choice.quote();
            return new Bought(choice, carriers.buyLabel(new LabelRequest(s.orderId(), s.shipmentId(), node.id(),
                    q.carrier(), q.service(), s.order().shipTo(), weight, hazmat, oversize)));
        });

        Label label = bought.label();
        orders.recordLabel(s.orderId(), s.shipmentId(), label.carrier(), label.service(), label.trackingNumber(),
                label.co2Kg(), label.estimatedDelivery(), ShipmentInProcess.ACTOR);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("shipmentId", s.shipmentId());
        details.put("allowed", carrier + " " + service + " or faster");
        details.put("price", bought.choice().quote().price());
        details.put("transitDays", bought.choice().quote().transitDays());
        details.put("keepsPromise", bought.choice().keepsPromise());
        details.put("customerCharged", !freeUpgrade);
        orders.record(s.orderId(), "CARRIER_CHOSEN", ShipmentInProcess.ACTOR, label.carrier() + " " + label.service()
                + " at " + bought.choice().quote().price() + " in " + bought.choice().quote().transitDays() + " days"
                + (bought.choice().keepsPromise() ? ", within the " + promiseDays + "-day promise"
                : ", the fastest allowed: no quote keeps the " + promiseDays + "-day promise")
                + (freeUpgrade ? "; free upgrade, not charged to the customer" : ""), details);
    }
}
