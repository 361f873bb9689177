package io.maestro.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.maestro.core.geo.Address;
import io.maestro.core.inbox.PartnerEventInbox;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import io.maestro.core.partner.CarrierGateway;
import io.maestro.core.partner.Label;
import io.maestro.core.partner.LabelRequest;
import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.core.partner.PartnerUnavailableException;
import io.maestro.core.partner.RateQuote;
import io.maestro.core.partner.RateRequest;
import io.maestro.core.testing.ShipmentRows;
import io.maestro.integrations.sandbox.SandboxProperties.Fault;
import io.maestro.routes.testing.PartnersTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Rate shopping and labels with the sandbox carriers over HTTP; tracking comes back by signed webhook. */
class CarrierGatewayTest extends PartnersTest {

    private static final Fault OUTAGE = new Fault(0, 0, true);

    @Autowired
    CarrierGateway carriers;
    @Autowired
    PartnerEventInbox inbox;
    @Autowired
    NetworkService network;

    private RateRequest parcel(String destinationZip, String kg, boolean hazmat) {
        Node origin = network.get("DC-OLEAN");
        return new RateRequest("ORD-1-1", "14760", origin.location(), destinationZip, null, new BigDecimal(kg), hazmat);
    }

    private LabelRequest label(String orderId, String carrier, String service) {
        return new LabelRequest(orderId, orderId + "-1", "DC-OLEAN", carrier, service,
                new Address("Casey Doe", "10 Jay St", null, "Brooklyn", "NY", "11201", "US"), new BigDecimal("1.2"));
    }

    private List<String> types(String orderId) {
        return inbox.ofOrder(orderId).stream().map(e -> e.event().type()).toList();
    }

    /** The shipments the partners' webhooks will name: an event for a shipment that does not exist is refused. */
    @BeforeEach
    void shipments() {
        for (int i = 1; i <= 10; i++) {
            ShipmentRows.insert(jdbc, "DC-BKN", "CAR-" + i, "CAR-" + i + "-1");
        }
    }

    @Test
    void everyCarrierQuotesEachServiceItOffers() {
        List<RateQuote> quotes = carriers.quote(parcel("11201", "1.2", false));

        assertThat(quotes).extracting(q -> q.carrier() + " " + q.service()).containsExactlyInAnyOrder(
                "SWIFT GROUND", "SWIFT TWO_DAY", "SWIFT OVERNIGHT", "THRIFT GROUND", "THRIFT TWO_DAY",
                "GREENLINE GROUND", "GREENLINE TWO_DAY");
        assertThat(quotes.stream().min(Comparator.comparing(RateQuote::co2Kg)).orElseThrow().carrier()).isEqualTo("GREENLINE");
        assertThat(quotes.stream().max(Comparator.comparing(RateQuote::co2Kg)).orElseThrow().service()).isEqualTo("OVERNIGHT");
        assertThat(quotes.stream().min(Comparator.comparing(RateQuote::price)).orElseThrow().carrier()).isEqualTo("THRIFT");
    }

    @Test
    void onlyTheLicensedCarrierQuotesHazardousGoods() {
        assertThat(carriers.quote(parcel("11201", "1.2", true))).extracting(RateQuote::carrier).containsOnly("THRIFT");
    }

    @Test
    void aBulkyLightParcelIsQuotedAndLabelledByItsDimensionalWeight() {
        Node origin = network.get("DC-OLEAN");
        // 0.3 kg in 50 × 40 × 30 cm: 60,000 cm³ ÷ 5,000 = 12 kg, zone 3 → THRIFT GROUND 20 kg break 19.60 + 0.80
        RateRequest bulky = new RateRequest("CAR-10-1", "14760", origin.location(), "11201", null,
                new BigDecimal("0.3"), false, false, 60_000);
        RateQuote ground = carriers.quote(bulky).stream()
                .filter(q -> q.carrier().equals("THRIFT") && q.service().equals("GROUND")).findFirst().orElseThrow();
        assertThat(ground.price()).isEqualByComparingTo("20.40");
        RateRequest unknownVolume = new RateRequest("CAR-10-1", "14760", origin.location(), "11201", null,
                new BigDecimal("0.3"), false, false);
        assertThat(carriers.quote(unknownVolume).stream()
                .filter(q -> q.carrier().equals("THRIFT") && q.service().equals("GROUND")).findFirst().orElseThrow()
                .price()).as("by its actual weight: 7.90 + 0.80").isEqualByComparingTo("8.70");

        Label label = carriers.buyLabel(new LabelRequest("CAR-10", "CAR-10-1", "DC-OLEAN", "THRIFT", "GROUND",
                new Address("Casey Doe", "10 Jay St", null, "Brooklyn", "NY", "11201", "US"), new BigDecimal("0.3"),
                false, false, 60_000));
        assertThat(label.price()).isEqualByComparingTo("20.40");
    }

    @Test
    void aCarrierThatIsDownIsSkippedInRateShopping() {
        faults.set("SWIFT", OUTAGE);

        assertThat(carriers.quote(parcel("11201", "1.2", false))).extracting(RateQuote::carrier)
                .containsOnly("THRIFT", "GREENLINE").isNotEmpty();
    }

    @Test
    void whenNoCarrierAnswersTheCarriersAreUnavailable() {
        faults.set("SWIFT", OUTAGE);
        faults.set("THRIFT", OUTAGE);
        faults.set("GREENLINE", new Fault(0, 1.0, false));

        assertThatThrownBy(() -> carriers.quote(parcel("11201", "1.2", false)))
                .isInstanceOf(PartnerUnavailableException.class).hasMessageStartingWith("carriers unavailable: no carrier answered");
    }

    @Test
    void aParcelEveryCarrierRefusesIsRefusedAtOnceNotUnavailable() {
        int before = faults.calls("SWIFT");
        RateRequest noWeight = new RateRequest("ORD-1-1", "14760", network.get("DC-OLEAN").location(), "11201", null, null,
                false);

        assertThatThrownBy(() -> carriers.quote(noWeight)).isInstanceOfSatisfying(PartnerRefusedException.class, refused -> {
            assertThat(refused.partner()).isEqualTo("carriers");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.partnerMessage()).startsWith("every carrier refused the parcel: ");
        });
        assertThat(faults.calls("SWIFT") - before).as("asked once").isEqualTo(1);
    }

    @Test
    void aBoughtLabelIsTrackedToDeliveryBySignedWebhooks() {
        Label label = carriers.buyLabel(label("CAR-2", "THRIFT", "GROUND"));

        assertThat(label.trackingNumber()).startsWith("TH");
        assertThat(label.estimatedDelivery()).isAfter(LocalDate.now());
        eventually("delivery", () -> types("CAR-2").contains("ShipmentDelivered"));
        assertThat(types("CAR-2")).as("webhooks may overtake each other").containsExactlyInAnyOrder("ShipmentInTransit", "ShipmentDelivered");
        assertThat(inbox.ofOrder("CAR-2")).allSatisfy(e -> assertThat(e.event().payload())
                .containsEntry("trackingNumber", label.trackingNumber()));
    }

    @Test
    void aLateParcelIsReportedDelayedWithItsNewEstimate() {
        sandbox.setDelayRate(1.0);

        Label label = carriers.buyLabel(label("CAR-3", "SWIFT", "GROUND"));

        eventually("delivery", () -> types("CAR-3").contains("ShipmentDelivered"));
        assertThat(types("CAR-3")).containsExactlyInAnyOrder("ShipmentInTransit", "ShipmentDelayed", "ShipmentDelivered");
        assertThat(inbox.ofOrder("CAR-3")).filteredOn(e -> e.event().type().equals("ShipmentDelayed")).singleElement()
                .satisfies(e -> assertThat(e.event().payload())
                        .containsEntry("newEstimatedDelivery", label.estimatedDelivery().plusDays(1).toString()));
    }

    @Test
    void aLabelVoidedBeforeTheParcelMovesIsNeverTracked() {
        sandbox.setSpeed(2.0);
        Label label;
        try {
            label = carriers.buyLabel(label("CAR-6", "SWIFT", "GROUND"));
            carriers.buyLabel(label("CAR-8", "SWIFT", "GROUND"));
            carriers.voidLabel("SWIFT", label.trackingNumber(), "CAR-6-1");
        } finally {
            sandbox.setSpeed(0.05);
        }
        carriers.voidLabel("SWIFT", label.trackingNumber(), "CAR-6-1");
        // the label bought with it and not voided is tracked: by then the voided one would have been too
        eventually("tracking of the label not voided", () -> types("CAR-8").contains("ShipmentInTransit"));

        assertThat(types("CAR-6")).as("no tracking webhook for a voided label").isEmpty();
    }

    @Test
    void aParcelAlreadyInTransitCannotBeVoidedAndTheCarrierSaysSoOnce() {
        Label label = carriers.buyLabel(label("CAR-7", "THRIFT", "GROUND"));
        eventually("in transit", () -> types("CAR-7").contains("ShipmentInTransit"));
        int before = faults.calls("THRIFT");

        assertThatThrownBy(() -> carriers.voidLabel("THRIFT", label.trackingNumber(), "CAR-7-1"))
                .isInstanceOfSatisfying(PartnerRefusedException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(409);
                    assertThat(refused.partnerMessage()).startsWith(label.trackingNumber() + " is already");
                });
        assertThat(faults.calls("THRIFT") - before).isEqualTo(1);
        assertThatThrownBy(() -> carriers.voidLabel("THRIFT", "TH-NO-SUCH", "CAR-7-1"))
                .isInstanceOfSatisfying(PartnerRefusedException.class, refused -> assertThat(refused.status()).isEqualTo(404));
    }

    @Test
    void buyingTheSameLabelAgainGivesTheSameLabel() {
        Label first = carriers.buyLabel(label("CAR-4", "GREENLINE", "TWO_DAY"));

        assertThat(carriers.buyLabel(label("CAR-4", "GREENLINE", "TWO_DAY"))).isEqualTo(first);
    }

    @Test
    void aCarrierThatStaysDownOpensItsCircuitThenRecovers() throws InterruptedException {
        faults.set("GREENLINE", OUTAGE);
        CircuitBreaker circuit = breakers.breaker(CarrierRoutes.routeId("GREENLINE"));
        int before = faults.calls("GREENLINE");

        assertThatThrownBy(() -> carriers.buyLabel(label("CAR-5", "GREENLINE", "GROUND")))
                .isInstanceOf(PartnerUnavailableException.class).hasMessageContaining("HTTP 503");
        assertThat(faults.calls("GREENLINE") - before).as("first call and two redeliveries").isEqualTo(3);
        assertThat(circuit.getState()).as("three failures of three calls").isEqualTo(CircuitBreaker.State.OPEN);

        int callsWhileOpen = faults.calls("GREENLINE");
        assertThatThrownBy(() -> carriers.buyLabel(label("CAR-5", "GREENLINE", "GROUND")))
                .isInstanceOf(PartnerUnavailableException.class).hasMessageContaining("CallNotPermittedException");
        assertThat(faults.calls("GREENLINE")).as("an open circuit does not call the carrier").isEqualTo(callsWhileOpen);

        faults.clear("GREENLINE");
        Thread.sleep(500);
        assertThat(carriers.buyLabel(label("CAR-5", "GREENLINE", "GROUND")).trackingNumber()).startsWith("GR");
        assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theFaultSwitchesAreAnHttpEndpoint() {
        assertThat(put("/sandbox/faults/THRIFT", "{\"latencyMs\": 5, \"errorRate\": 0, \"outage\": true}").statusCode())
                .isEqualTo(200);
        assertThat(get("/sandbox/faults").body()).contains("\"THRIFT\":{\"latencyMs\":5,\"errorRate\":0.0,\"outage\":true}");

        assertThat(carriers.quote(parcel("11201", "1.2", false))).extracting(RateQuote::carrier).doesNotContain("THRIFT");
    }
}
