package io.maestro.processes.shipment;

import io.maestro.core.partner.CarrierGateway;
import io.maestro.core.partner.Label;
import io.maestro.core.partner.LabelRequest;
import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.core.partner.RateQuote;
import io.maestro.core.partner.RateRequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Three carriers with a fixed rate sheet; labels are numbered after the shipment. */
class TestCarriers implements CarrierGateway {

    static final List<RateQuote> RATES = List.of(
            new RateQuote("THRIFT", "GROUND", new BigDecimal("6.10"), 4, new BigDecimal("0.40")),
            new RateQuote("GREENLINE", "GROUND", new BigDecimal("7.20"), 3, new BigDecimal("0.10")),
            new RateQuote("THRIFT", "TWO_DAY", new BigDecimal("11.40"), 2, new BigDecimal("0.90")),
            new RateQuote("SWIFT", "TWO_DAY", new BigDecimal("12.90"), 2, new BigDecimal("0.95")),
            new RateQuote("SWIFT", "OVERNIGHT", new BigDecimal("24.50"), 1, new BigDecimal("2.10")));

    final List<LabelRequest> labels = new CopyOnWriteArrayList<>();
    final List<String> voided = new CopyOnWriteArrayList<>();
    volatile PartnerRefusedException refuseVoid;

    @Override
    public List<RateQuote> quote(RateRequest request) {
        return RATES;
    }

    @Override
    public Label buyLabel(LabelRequest request) {
        labels.add(request);
        RateQuote rate = RATES.stream().filter(q -> q.carrier().equals(request.carrier())
                && q.service().equals(request.service())).findFirst().orElseThrow();
        return new Label(request.carrier(), request.service(), "TRK-" + request.shipmentId(), rate.price(),
                LocalDate.now().plusDays(rate.transitDays()), rate.co2Kg());
    }

    @Override
    public void voidLabel(String carrier, String trackingNumber, String shipmentId) {
        if (refuseVoid != null) {
            throw refuseVoid;
        }
        voided.add(carrier + ":" + trackingNumber);
    }
}
