package io.maestro.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.maestro.core.geo.Address;
import io.maestro.core.network.Capability;
import io.maestro.core.network.NetworkService;
import io.maestro.core.network.NodeType;
import io.maestro.core.testing.TestData;
import io.maestro.core.inbox.PartnerEventInbox;
import io.maestro.core.inbox.StoredPartnerEvent;
import io.maestro.core.order.ShipmentLine;
import io.maestro.core.partner.CarrierGateway;
import io.maestro.core.partner.Label;
import io.maestro.core.partner.LabelRequest;
import io.maestro.core.partner.NodeGateway;
import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.core.partner.PartnerUnavailableException;
import io.maestro.core.partner.ShipmentRelease;
import io.maestro.core.testing.ShipmentRows;
import io.maestro.integrations.sandbox.SandboxProperties.Fault;
import io.maestro.routes.testing.PartnersTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Releases go to the sandbox node systems over HTTP; their answers come back as signed webhooks into the inbox. */
class NodeGatewayTest extends PartnersTest {

    @Autowired
    NodeGateway nodes;
    @Autowired
    PartnerEventInbox inbox;
    @Autowired
    CarrierGateway carriers;
    @Autowired
    NetworkService network;

    static ShipmentRelease release(String orderId, String nodeId, String deliveryOption) {
        return new ShipmentRelease(orderId, orderId + "-1", nodeId, List.of(new ShipmentLine(1, "TSHIRT-BLK-M", 2)),
                new Address("Casey Doe", "10 Jay St", null, "Brooklyn", "NY", "11201", "US"), deliveryOption,
                LocalDate.now().plusDays(3));
    }

    private List<String> types(String orderId) {
        return inbox.ofOrder(orderId).stream().map(e -> e.event().type()).toList();
    }

    /** The shipments the partners' webhooks will name: an event for a shipment that does not exist is refused. */
    @BeforeEach
    void shipments() {
        for (int i = 1; i <= 9; i++) {
            ShipmentRows.insert(jdbc, "DC-BKN", "ORD-" + i, "ORD-" + i + "-1");
        }
        ShipmentRows.insert(jdbc, "ST-MAN", "ORD-10", "ORD-10-1");
        ShipmentRows.insert(jdbc, "ST-MAN", "ORD-11", "ORD-11-1");
    }

    @Test
    void aReleasedShipmentIsAcceptedByASignedWebhookIntoTheInbox() {
        nodes.release(release("ORD-1", "DC-BKN", "SHIP"));

        eventually("acceptance", () -> types("ORD-1").contains("ShipmentAccepted"));
        StoredPartnerEvent accepted = inbox.ofOrder("ORD-1").get(0);
        assertThat(accepted.event().source()).isEqualTo("node:DC-BKN");
        assertThat(accepted.event().shipmentId()).isEqualTo("ORD-1-1");
    }

    @Test
    void anAcceptedShipmentIsDispatchedWithItsLabelHoweverLateTheLabelIsBought() throws InterruptedException {
        nodes.release(release("ORD-9", "DC-OLEAN", "SHIP"));
        eventually("acceptance", () -> types("ORD-9").contains("ShipmentAccepted"));
        Thread.sleep(500);

        Label label = carriers.buyLabel(new LabelRequest("ORD-9", "ORD-9-1", "DC-OLEAN", "SWIFT", "GROUND",
                release("ORD-9", "DC-OLEAN", "SHIP").shipTo(), new BigDecimal("0.5")));

        eventually("dispatch", () -> types("ORD-9").contains("ShipmentDispatched"));
        assertThat(inbox.ofOrder("ORD-9")).filteredOn(e -> e.event().type().equals("ShipmentDispatched")).singleElement()
                .satisfies(e -> assertThat(e.event().payload()).containsEntry("trackingNumber", label.trackingNumber())
                        .containsEntry("carrier", "SWIFT"));
    }

    @Test
    void atRejectionRateOneEveryReleaseIsRejectedWithAReason() {
        sandbox.setRejectionRate(1.0);

        nodes.release(release("ORD-2", "DC-BKN", "SHIP"));

        eventually("rejection", () -> types("ORD-2").contains("ShipmentRejected"));
        assertThat(types("ORD-2")).containsExactly("ShipmentRejected");
        assertThat(inbox.ofOrder("ORD-2").get(0).event().payload()).containsEntry("reason", "no capacity to pick today");
    }

    @Test
    void aNodeWithItsOwnConfigurationGetsCsvAndSignsWithItsOwnSecret() {
        nodes.release(release("ORD-3", "DC-OLEAN", "SHIP"));

        eventually("acceptance", () -> types("ORD-3").contains("ShipmentAccepted"));
        assertThat(inbox.ofOrder("ORD-3").get(0).event().source()).isEqualTo("node:DC-OLEAN");
    }

    @Test
    void aStorePickupIsAcceptedThenReadyForPickupWithACode() {
        nodes.release(release("ORD-4", "ST-MAN", "BOPIS"));

        eventually("ready for pickup", () -> types("ORD-4").contains("ReadyForPickup"));
        assertThat(types("ORD-4")).containsExactly("ShipmentAccepted", "ReadyForPickup");
        assertThat(inbox.ofOrder("ORD-4").get(1).event().payload().get("pickupCode").toString()).hasSize(6);
    }

    @Test
    void aReleaseTheSystemAlreadyHasIsTakenOnce() {
        nodes.release(release("ORD-5", "DC-BKN", "SHIP"));
        nodes.release(release("ORD-5", "DC-BKN", "SHIP"));

        eventually("acceptance", () -> types("ORD-5").contains("ShipmentAccepted"));
        assertThat(types("ORD-5")).containsExactly("ShipmentAccepted");
    }

    @Test
    void aCancelledShipmentIsNeitherAcceptedNorDispatchedLater() throws InterruptedException {
        sandbox.setSpeed(5.0);
        try {
            nodes.release(release("ORD-6", "DC-BKN", "SHIP"));
            nodes.cancel("DC-BKN", "ORD-6", "ORD-6-1", "customer cancelled");
        } finally {
            sandbox.setSpeed(0.05);
        }
        Thread.sleep(800);
        assertThat(types("ORD-6")).isEmpty();
    }

    @Test
    void cancellingWhatTheSystemNeverHadIsRefusedAtOnceWithoutRetries() {
        int before = faults.calls("DC-BKN");

        assertThatThrownBy(() -> nodes.cancel("DC-BKN", "ORD-6", "NO-SUCH-1", "customer cancelled"))
                .isInstanceOfSatisfying(PartnerRefusedException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(404);
                    assertThat(refused.partnerMessage()).isEqualTo("No release NO-SUCH-1 at DC-BKN");
                });
        assertThat(faults.calls("DC-BKN") - before).isEqualTo(1);
    }

    @Test
    void aPickupWaitingAtTheStoreIsTakenBackOntoTheShelf() {
        nodes.release(release("ORD-10", "ST-MAN", "BOPIS"));
        eventually("ready for pickup", () -> types("ORD-10").contains("ReadyForPickup"));

        nodes.cancel("ST-MAN", "ORD-10", "ORD-10-1", "not collected in time");

        assertThat(post("/sandbox/nodes/ST-MAN/releases/ORD-10-1/hand-over", "", null).statusCode())
                .as("a cancelled pickup cannot be handed over").isEqualTo(409);
    }

    @Test
    void aPickupHandedOverAtTheTillHasLeftTheStoreAndItsTakeBackIsRefusedAsAnAnswer() {
        nodes.release(release("ORD-11", "ST-MAN", "BOPIS"));
        eventually("ready for pickup", () -> types("ORD-11").contains("ReadyForPickup"));
        assertThat(post("/sandbox/nodes/ST-MAN/releases/ORD-11-1/hand-over", "", null).statusCode()).isEqualTo(200);
        CircuitBreaker circuit = breakers.breaker(NodeRoutes.routeId("STORE"), "ST-MAN");
        int before = faults.calls("ST-MAN");

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> nodes.cancel("ST-MAN", "ORD-11", "ORD-11-1", "not collected in time"))
                    .isInstanceOfSatisfying(PartnerRefusedException.class, refused -> {
                        assertThat(refused.status()).isEqualTo(409);
                        assertThat(refused.partnerMessage()).isEqualTo("ORD-11-1 has left ST-MAN");
                        assertThat(refused.partner()).isEqualTo("node type STORE");
                    });
        }
        assertThat(faults.calls("ST-MAN") - before).as("one call per take-back, no redelivery").isEqualTo(4);
        assertThat(circuit.getState()).as("refusals are answers, not an outage").isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(circuit.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void aNodeSystemThatIsDownIsTriedAgainWithBackoffThenUnavailable() {
        faults.set("nodes", new Fault(0, 0, true));
        int before = faults.calls("ST-MAN");

        assertThatThrownBy(() -> nodes.release(release("ORD-7", "ST-MAN", "SHIP")))
                .isInstanceOf(PartnerUnavailableException.class)
                .hasMessageStartingWith("node type STORE unavailable: HTTP 503");
        assertThat(faults.calls("ST-MAN") - before).as("first call and two redeliveries").isEqualTo(3);
    }

    @Test
    void anOutageOfOneDcOpensTheCircuitOfThatDcOnlyNotOfTheOthersBehindTheSameSystem() {
        network.save(TestData.node("DC-NWK", NodeType.DC, "Newark", "11201", Capability.SHIP));
        faults.set("DC-BKN", new Fault(0, 0, true));
        CircuitBreaker brooklyn = breakers.breaker(NodeRoutes.routeId("DC"), "DC-BKN");
        CircuitBreaker newark = breakers.breaker(NodeRoutes.routeId("DC"), "DC-NWK");

        assertThatThrownBy(() -> nodes.release(release("ORD-2", "DC-BKN", "SHIP")))
                .isInstanceOf(PartnerUnavailableException.class);
        assertThat(brooklyn.getState()).as("three failed calls to DC-BKN").isEqualTo(CircuitBreaker.State.OPEN);
        int before = faults.calls("DC-BKN");
        assertThatThrownBy(() -> nodes.release(release("ORD-3", "DC-BKN", "SHIP")))
                .isInstanceOf(PartnerUnavailableException.class);
        assertThat(faults.calls("DC-BKN")).as("DC-BKN's circuit is open: no call").isEqualTo(before);

        nodes.release(release("ORD-4", "DC-NWK", "SHIP"));
        assertThat(newark.getState()).as("DC-NWK is behind the same DC system").isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(newark.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
    }

    @Test
    void aNodeNobodyKnowsIsUnavailable() {
        assertThatThrownBy(() -> nodes.release(release("ORD-8", "NO-SUCH-NODE", "SHIP")))
                .isInstanceOf(PartnerUnavailableException.class).hasMessageContaining("no node NO-SUCH-NODE");
    }
}
