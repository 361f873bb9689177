package io.maestro.routes;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.geo.GeoPoint;
import io.maestro.core.geo.PostalCodeDirectory;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import io.maestro.core.partner.CarrierGateway;
import io.maestro.core.partner.Label;
import io.maestro.core.partner.LabelRequest;
import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.core.partner.PartnerUnavailableException;
import io.maestro.core.partner.RateQuote;
import io.maestro.core.partner.RateRequest;
import io.maestro.integrations.Json;
import io.maestro.integrations.LocalServer;
import io.maestro.integrations.PartnerProperties;
import io.maestro.integrations.PartnerProperties.Endpoint;
import io.maestro.integrations.carriers.CarrierLabelRequest;
import io.maestro.integrations.carriers.CarrierLabelResponse;
import io.maestro.integrations.carriers.CarrierMessages;
import io.maestro.integrations.carriers.CarrierRateRequest;
import io.maestro.integrations.carriers.CarrierRateResponse;
import io.maestro.integrations.carriers.Place;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Rate shopping and labels over HTTP. {@link #quote} asks every configured carrier at once and keeps the answers
 * of those that answered (a carrier that fails is skipped with a warning); only when none answers is the carrier
 * side unavailable (or, when every carrier refused the parcel, refused). {@link #buyLabel} buys from the chosen carrier,
 * {@link #voidLabel} ({@code POST {url}/labels/{trackingNumber}/void}) takes a bought label back.
 */
@Component
public class HttpCarrierGateway implements CarrierGateway, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HttpCarrierGateway.class);

    private final PartnerProperties partners;
    private final PartnerCalls calls;
    private final LocalServer server;
    private final NetworkService network;
    private final PostalCodeDirectory postalCodes;
    private final ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "carrier-quotes");
        thread.setDaemon(true);
        return thread;
    });

    public HttpCarrierGateway(PartnerProperties partners, PartnerCalls calls, LocalServer server, NetworkService network,
                              PostalCodeDirectory postalCodes) {
        this.partners = partners;
        this.calls = calls;
        this.server = server;
        this.network = network;
        this.postalCodes = postalCodes;
    }

    @Override
    public List<RateQuote> quote(RateRequest request) {
        String body = Json.write(new CarrierRateRequest(request.shipmentId(),
                place(request.originPostalCode(), request.origin(), "originPostalCode"),
                place(request.destinationPostalCode(), request.destination(), "destinationPostalCode"),
                request.weightKg(), request.hazmat(), request.oversize(), request.volumeCm3()));
        Map<String, CompletableFuture<List<RateQuote>>> asked = new LinkedHashMap<>();
        for (String carrier : partners.getCarriers().keySet()) {
            asked.put(carrier, CompletableFuture.supplyAsync(() -> quote(carrier, body), pool));
        }
        List<RateQuote> quotes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<PartnerRefusedException> refusals = new ArrayList<>();
        asked.forEach((carrier, answer) -> {
            try {
                quotes.addAll(answer.join());
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                log.warn("Carrier {} skipped in rate shopping for {}: {}", carrier, request.shipmentId(), cause.getMessage());
                failures.add(cause.getMessage());
                if (cause instanceof PartnerRefusedException refused) {
                    refusals.add(refused);
                }
            }
        });
        if (!asked.isEmpty() && refusals.size() == asked.size()) {
            throw new PartnerRefusedException("carriers", refusals.get(0).status(), "every carrier refused the parcel: "
                    + String.join("; ", failures));
        }
        if (!asked.isEmpty() && failures.size() == asked.size()) {
            throw new PartnerUnavailableException("carriers", "no carrier answered: " + String.join("; ", failures));
        }
        return quotes;
    }

    private List<RateQuote> quote(String carrier, String body) {
        Endpoint partner = partners.carrier(carrier).orElseThrow();
        String answer = calls.post(CarrierRoutes.routeId(carrier), partner, server.resolve(partner.url()) + "/rates",
                "application/json", body);
        return CarrierMessages.quotes(carrier, read(partner, answer, CarrierRateResponse.class));
    }

    @Override
    public Label buyLabel(LabelRequest request) {
        Endpoint partner = partners.carrier(request.carrier())
                .orElseThrow(() -> new InvalidRequestException("carrier", "no carrier " + request.carrier() + " configured"));
        Node node = network.get(request.nodeId());
        String destinationCode = request.shipTo() == null ? null : request.shipTo().postalCode();
        GeoPoint destination = request.shipTo() == null ? null
                : postalCodes.locate(request.shipTo().country(), destinationCode).orElse(null);
        String body = Json.write(new CarrierLabelRequest(request.orderId(), request.shipmentId(), request.service(),
                Place.of(node.address().postalCode(), node.location()), place(destinationCode, destination, "shipTo.postalCode"),
                request.shipTo(), request.weightKg(), request.hazmat(), request.oversize(), request.volumeCm3()));
        String answer = calls.post(CarrierRoutes.routeId(request.carrier()), partner,
                server.resolve(partner.url()) + "/labels", "application/json", body);
        return CarrierMessages.label(request.carrier(), read(partner, answer, CarrierLabelResponse.class));
    }

    @Override
    public void voidLabel(String carrier, String trackingNumber, String shipmentId) {
        Endpoint partner = partners.carrier(carrier)
                .orElseThrow(() -> new InvalidRequestException("carrier", "no carrier " + carrier + " configured"));
        calls.post(CarrierRoutes.routeId(carrier), partner, server.resolve(partner.url()) + "/labels/" + trackingNumber
                + "/void", "application/json", Json.write(Map.of("shipmentId", shipmentId)));
    }

    private Place place(String postalCode, GeoPoint point, String field) {
        if (point != null) {
            return Place.of(postalCode, point);
        }
        return postalCodes.locate("US", postalCode).map(p -> Place.of(postalCode, p))
                .orElseThrow(() -> new InvalidRequestException(field, "unknown postal code " + postalCode));
    }

    private static <T> T read(Endpoint partner, String answer, Class<T> type) {
        try {
            return Json.read(answer, type);
        } catch (IllegalArgumentException e) {
            throw new PartnerUnavailableException(partner.name(), "unreadable answer: " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
