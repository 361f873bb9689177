package io.maestro.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.network.NetworkService;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.testing.TestData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A partner's message is carried by the first entry its process records for the order, on the same thread only. */
@SpringBootTest
class CarriedMessageTest {

    @Autowired AuditTrail audit;
    @Autowired OrderIntake intake;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;

    @Test
    void theFirstEntryOfTheOrderOnThisThreadCarriesTheMessage() {
        String order = order("W-CARRY-1");
        String other = order("W-CARRY-2");

        boolean taken = audit.carryingMessage(order, Map.of("eventId", "E-1", "shipmentId", "S-1"), () -> {
            audit.record(other, "NOTE", null, "test", "another order's entry", null);
            audit.record(order, "SHIPMENT_ACCEPTED", "ACCEPTED", "process", "accepted", Map.of("shipmentId", "S-1"));
            audit.record(order, "NOTE", null, "process", "a later entry", null);
        });

        assertThat(taken).isTrue();
        assertThat(details(order, "SHIPMENT_ACCEPTED")).contains("\"partnerMessage\"").contains("E-1");
        assertThat(details(order, "NOTE")).isNull();
        assertThat(details(other, "NOTE")).isNull();
    }

    @Test
    void aHandOverThatRecordsNothingLeavesTheMessageToTheCaller() {
        String order = order("W-CARRY-3");

        assertThat(audit.carryingMessage(order, Map.of("eventId", "E-3"), () -> { })).isFalse();
        audit.record(order, "NOTE", null, "test", "after the hand-over", null);

        assertThat(details(order, "NOTE")).isNull();
    }

    @Test
    void aMessageTooLargeToShareAnEntryIsNotTaken() {
        String order = order("W-CARRY-4");

        boolean taken = audit.carryingMessage(order, Map.of("eventId", "E-4", "text", "x".repeat(7990)),
                () -> audit.record(order, "SHIPMENT_DISPATCHED", null, "process", "dispatched", Map.of("dock", "4")));

        assertThat(taken).isFalse();
        assertThat(details(order, "SHIPMENT_DISPATCHED")).isEqualTo("{\"dock\":\"4\"}");
    }

    @Test
    void twoMessagesOfOneOrderHandedOverAtOnceEachLandInTheirOwnEntry() throws Exception {
        String order = order("W-CARRY-5");
        CyclicBarrier bothCarrying = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> handOvers = List.of("S-A", "S-B").stream().map(shipment -> threads.submit(() ->
                    audit.carryingMessage(order, Map.of("eventId", "E-" + shipment, "shipmentId", shipment), () -> {
                        await(bothCarrying);
                        audit.record(order, "SHIPMENT_ACCEPTED", "ACCEPTED", "process", shipment,
                                Map.of("shipmentId", shipment));
                    }))).toList();
            for (Future<Boolean> handOver : handOvers) {
                assertThat(handOver.get()).isTrue();
            }
        } finally {
            threads.shutdown();
        }

        assertThat(audit.timeline(order)).filteredOn(e -> e.type().equals("SHIPMENT_ACCEPTED")).hasSize(2)
                .allSatisfy(e -> assertThat(e.detailsJson()).contains("\"eventId\":\"E-" + e.reason() + "\""));
    }

    private String order(String channelOrderId) {
        TestData.seed(network, catalog);
        return intake.accept(TestData.order(channelOrderId), "web").order().orderId();
    }

    private String details(String orderId, String type) {
        return audit.timeline(orderId).stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow()
                .detailsJson();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
