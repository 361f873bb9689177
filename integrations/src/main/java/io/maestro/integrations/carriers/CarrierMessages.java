package io.maestro.integrations.carriers;

import io.maestro.core.inbox.PartnerEvent;
import io.maestro.core.partner.Label;
import io.maestro.core.partner.RateQuote;
import io.maestro.integrations.PayloadReader;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mapping between core and the carriers' messages: quotes and labels in, tracking events to process messages. */
public final class CarrierMessages {

    private CarrierMessages() {
    }

    /** The inbox source of a carrier's tracking events: {@code carrier:<carrier>}. */
    public static String source(String carrier) {
        return "carrier:" + carrier;
    }

    public static List<RateQuote> quotes(String carrier, CarrierRateResponse response) {
        if (response == null || response.quotes() == null) {
            return List.of();
        }
        return response.quotes().stream()
                .map(q -> new RateQuote(carrier, q.service(), q.price(), q.transitDays(), q.co2Kg()))
                .toList();
    }

    public static Label label(String carrier, CarrierLabelResponse response) {
        return new Label(carrier, response.service(), response.trackingNumber(), response.price(),
                response.estimatedDelivery(), response.co2Kg());
    }

    /**
     * A tracking event as the process message it stands for. Throws {@code InvalidRequestException} naming every
     * bad field (a delay without its new date, an unknown status).
     */
    public static PartnerEvent toPartnerEvent(String carrier, String body) {
        PayloadReader in = PayloadReader.of(body);
        String eventId = in.text("eventId", 120);
        String trackingNumber = in.text("trackingNumber", 60);
        String orderId = in.text("orderId", 40);
        String shipmentId = in.text("shipmentId", 60);
        TrackingStatus status = in.enumValue("status", TrackingStatus.class);
        var occurredAt = in.timestamp("occurredAt");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("carrier", carrier);
        payload.put("trackingNumber", trackingNumber);
        if (status == TrackingStatus.DELAYED) {
            LocalDate newEta = in.date("newEstimatedDelivery", true);
            payload.put("newEstimatedDelivery", newEta == null ? null : newEta.toString());
            String reason = in.optionalText("reason", 500);
            payload.put("reason", reason == null ? "carrier delay" : reason);
        } else if (status == TrackingStatus.EXCEPTION) {
            payload.put("reason", in.text("reason", 500));
        }
        in.done();
        return new PartnerEvent(source(carrier), eventId, status.messageName(), orderId, shipmentId, payload, occurredAt);
    }
}
