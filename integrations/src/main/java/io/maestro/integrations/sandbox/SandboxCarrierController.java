package io.maestro.integrations.sandbox;

import io.maestro.core.carrier.CarrierModel;
import io.maestro.core.carrier.CarrierParcel;
import io.maestro.core.carrier.CarrierQuote;
import io.maestro.core.carrier.RateCard;
import io.maestro.integrations.PartnerProperties;
import io.maestro.integrations.carriers.CarrierLabelRequest;
import io.maestro.integrations.carriers.CarrierLabelResponse;
import io.maestro.integrations.carriers.CarrierRateRequest;
import io.maestro.integrations.carriers.CarrierRateResponse;
import io.maestro.integrations.carriers.CarrierRateResponse.ServiceQuote;
import io.maestro.integrations.carriers.CarrierTrackingMessage;
import io.maestro.integrations.carriers.TrackingStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sandbox carriers SWIFT, THRIFT and GREENLINE: rates from their cards in core's {@link CarrierModel} (the cards
 * allocation estimates with, so an estimate and its label agree), labels with a tracking
 * number, then signed tracking webhooks over simulated days (in transit, sometimes delayed with a new ETA, delivered).
 * A label voided before the parcel is in transit is not tracked any further; once in transit the void is refused (409).
 */
@RestController
@RequestMapping("/sandbox/carriers/{carrier}")
public class SandboxCarrierController {

    private final SandboxFaults faults;
    private final SandboxWebhooks webhooks;
    private final SimulatedTime time;
    private final SandboxLabels labels;
    private final SandboxProperties sandbox;
    private final PartnerProperties partners;
    private final CarrierModel carriers;
    private final Map<String, CarrierLabelResponse> sold = new ConcurrentHashMap<>();
    private final Map<String, Parcel> parcels = new ConcurrentHashMap<>();
    private final AtomicLong trackingSequence = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    public SandboxCarrierController(SandboxFaults faults, SandboxWebhooks webhooks, SimulatedTime time, SandboxLabels labels,
                                    SandboxProperties sandbox, PartnerProperties partners, CarrierModel carriers) {
        this.faults = faults;
        this.webhooks = webhooks;
        this.time = time;
        this.labels = labels;
        this.sandbox = sandbox;
        this.partners = partners;
        this.carriers = carriers;
    }

    @PostMapping("/rates")
    public CarrierRateResponse rates(@PathVariable String carrier, @RequestBody CarrierRateRequest request) {
        RateCard card = card(carrier);
        faults.apply(carrier);
        requireParcel(request.origin() != null && request.destination() != null && request.weightKg() != null);
        CarrierParcel parcel = parcel(request.origin().point().milesTo(request.destination().point()),
                request.weightKg().doubleValue(), request.volumeCm3(), request.hazmat(), request.oversize());
        List<ServiceQuote> quotes = parcel.weightKg() <= 0 ? List.of()
                : carriers.quotes(card.carrier(), parcel).stream().map(SandboxCarrierController::quote).toList();
        return new CarrierRateResponse(carrier, quotes);
    }

    /** A parcel to a home; a volume below 0 (a malformed request) counts as unknown. */
    private static CarrierParcel parcel(double miles, double weightKg, double volumeCm3, boolean hazmat,
                                        boolean oversize) {
        return new CarrierParcel(miles, weightKg, Math.max(0, volumeCm3), hazmat, oversize, true);
    }

    private static ServiceQuote quote(CarrierQuote q) {
        return new ServiceQuote(q.service(), q.priceAmount(), "USD", q.transitDays(), q.co2Amount());
    }

    /** Sells one label per shipment: asked again (a retry), it answers with the same label. */
    @PostMapping("/labels")
    public CarrierLabelResponse label(@PathVariable String carrier, @RequestBody CarrierLabelRequest request) {
        RateCard card = card(carrier);
        faults.apply(carrier);
        requireParcel(request.origin() != null && request.destination() != null && request.weightKg() != null
                && request.shipmentId() != null && request.orderId() != null);
        return sold.computeIfAbsent(carrier + "/" + request.shipmentId(), key -> sell(card, request));
    }

    /** Takes a label back while the parcel has not moved: no collection, no further tracking webhooks. */
    @PostMapping("/labels/{trackingNumber}/void")
    public Map<String, String> voidLabel(@PathVariable String carrier, @PathVariable String trackingNumber) {
        card(carrier);
        faults.apply(carrier);
        Parcel parcel = parcels.computeIfPresent(trackingNumber, (number, p) -> p == Parcel.LABELLED ? Parcel.VOIDED : p);
        if (parcel == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No label " + trackingNumber + " at " + carrier);
        }
        if (parcel != Parcel.VOIDED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, trackingNumber + " is already "
                    + parcel.name().toLowerCase().replace('_', ' ') + " with " + carrier);
        }
        sold.values().removeIf(label -> label.trackingNumber().equals(trackingNumber));
        labels.voided(trackingNumber);
        return Map.of("trackingNumber", trackingNumber, "status", "VOIDED");
    }

    private enum Parcel { LABELLED, VOIDED, IN_TRANSIT, DELIVERED }

    private CarrierLabelResponse sell(RateCard card, CarrierLabelRequest request) {
        CarrierParcel parcel = parcel(request.origin().point().milesTo(request.destination().point()),
                request.weightKg().doubleValue(), request.volumeCm3(), request.hazmat(), request.oversize());
        ServiceQuote quote = carriers.quote(card.carrier(), request.service(), parcel).filter(q -> parcel.weightKg() > 0)
                .map(SandboxCarrierController::quote).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        card.carrier() + " does not offer " + request.service() + " for this parcel"));
        String trackingNumber = card.carrier().substring(0, 2) + String.format("%010d", trackingSequence.incrementAndGet());
        LocalDate eta = LocalDate.now().plusDays(quote.transitDays());
        parcels.put(trackingNumber, Parcel.LABELLED);
        labels.sold(request.shipmentId(), card.carrier(), trackingNumber);
        track(card.carrier(), trackingNumber, request, quote.transitDays(), eta);
        return new CarrierLabelResponse(card.carrier(), quote.service(), trackingNumber, quote.price(), eta, quote.co2Kg());
    }

    /**
     * In transit after half a day (the node dispatches after a fifth); late by a day at the configured rate; delivered
     * after the transit days. Each step is scheduled by the one before, so a busy clock that runs a step late never
     * runs the next one first (a delivery before the pick-up was lost: the parcel stayed in transit for ever).
     */
    private void track(String carrier, String trackingNumber, CarrierLabelRequest request, int transitDays, LocalDate eta) {
        String secret = partners.carrier(carrier).orElseThrow().secret();
        String path = "/api/partners/carriers/" + carrier + "/tracking";
        double pickUp = 0.5;
        time.after(pickUp, () -> {
            if (parcels.replace(trackingNumber, Parcel.LABELLED, Parcel.IN_TRANSIT)) {
                webhooks.send(path, secret, event(trackingNumber, request, TrackingStatus.IN_TRANSIT, null, null));
                Runnable deliver = () -> {
                    if (parcels.replace(trackingNumber, Parcel.IN_TRANSIT, Parcel.DELIVERED)) {
                        webhooks.send(path, secret, event(trackingNumber, request, TrackingStatus.DELIVERED, null, null));
                    }
                };
                if (ThreadLocalRandom.current().nextDouble() < sandbox.getDelayRate()) {
                    double delayedAt = transitDays * 0.6;
                    time.after(delayedAt - pickUp, () -> {
                        webhooks.send(path, secret, event(trackingNumber, request, TrackingStatus.DELAYED, eta.plusDays(1),
                                "weather at the hub"));
                        time.after(transitDays + 1 - delayedAt, deliver);
                    });
                } else {
                    time.after(transitDays - pickUp, deliver);
                }
            }
        });
    }

    private static CarrierTrackingMessage event(String trackingNumber, CarrierLabelRequest request, TrackingStatus status,
                                                LocalDate newEta, String reason) {
        return new CarrierTrackingMessage(trackingNumber + ":" + status, trackingNumber, request.orderId(),
                request.shipmentId(), status, newEta, reason, OffsetDateTime.now());
    }

    private RateCard card(String carrier) {
        return carriers.card(carrier).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No sandbox carrier " + carrier));
    }

    private static void requireParcel(boolean complete) {
        if (!complete) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "origin, destination, weightKg (and for labels "
                    + "orderId, shipmentId) are required");
        }
    }
}
