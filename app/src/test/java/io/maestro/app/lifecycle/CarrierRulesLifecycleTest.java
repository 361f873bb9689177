package io.maestro.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import io.maestro.core.carrier.CarrierModel;
import io.maestro.core.carrier.CarrierParcel;
import io.maestro.core.carrier.CarrierQuote;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * DMN {@code carrier-selection} is the one place of the carrier rule: orders with hazardous goods, an oversize item,
 * a VIP customer, a bulky light item (billed by its dimensional weight) and a mixed order split across two nodes (the
 * hazmat terms only on the parcel with the hazardous item) ship with the carrier service allocation estimated, at the
 * estimated price (the sandbox carriers quote from the same cards); and a changed table, deployed as an analyst would, rules the estimate and the label
 * alike with no change to any Java.
 */
@MaestroTest
class CarrierRulesLifecycleTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    Lifecycle lifecycle;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
        lifecycle = new Lifecycle(api);
    }

    @Test
    void hazmatOversizeAndVipOrdersShipWithTheEstimatedCarrierServiceAtTheEstimatedPrice() {
        String hazmat = sku("SOLVENT", 2.4, 30, 20, 20, true, false);
        String oversize = sku("KAYAK", 14.0, 250, 60, 40, false, true);
        String tee = lifecycle.skuWithStock("VIP-TEE", Map.of("DC-OLEAN", 3));
        String hazmatOrder = lifecycle.place(Lifecycle.order("WEB", hazmat, 1, Map.of()));
        String oversizeOrder = lifecycle.place(Lifecycle.order("WEB", oversize, 1, Map.of()));
        String vipOrder = lifecycle.place(Lifecycle.order("WEB", tee, 1, Map.of("customer",
                Map.of("id", "C-8", "tier", "VIP", "email", "c8@example.com"))));

        JsonNode hazmatLabel = labelledAtItsEstimate(hazmatOrder);
        assertThat(hazmatLabel.path("estimatedCarrier").asText() + " " + hazmatLabel.path("estimatedService").asText())
                .as("hazardous goods: by ground with the licensed carrier").isEqualTo("THRIFT GROUND");
        labelledAtItsEstimate(oversizeOrder);
        assertThat(labelledAtItsEstimate(vipOrder).path("estimatedService").asText()).as("VIP: two-day or faster")
                .isIn("TWO_DAY", "OVERNIGHT");
    }

    @Test
    void aMixedOrderSplitAcrossTwoNodesPaysTheHazmatTermsOnlyOnTheParcelThatCarriesTheHazardousItem() {
        String hazmat = sku("MIX-SOLVENT", 2.4, 30, 20, 20, true, false);
        String tee = lifecycle.skuWithStock("MIX-TEE", Map.of("DC-BROOKLYN", 3));
        Map<String, Object> mixed = new HashMap<>(Lifecycle.order("WEB", hazmat, 1, Map.of()));
        mixed.put("lines", List.of(Map.of("sku", hazmat, "quantity", 1, "unitPrice", 19.90),
                Map.of("sku", tee, "quantity", 1, "unitPrice", 19.90)));
        String orderId = lifecycle.place(mixed);

        Map<String, JsonNode> costs = labelledAtTheirEstimates(orderId, 2);

        JsonNode hazardous = costs.get("DC-OLEAN");
        assertThat(hazardous.path("estimatedCarrier").asText() + " " + hazardous.path("estimatedService").asText())
                .as("the parcel with the hazardous item: licensed carrier, by ground").isEqualTo("THRIFT GROUND");
        // zone 3, 5 kg break 10.60 + residential 0.80 + hazmat 6.00
        assertThat(hazardous.path("labelCost").decimalValue()).isEqualByComparingTo("17.40");
        JsonNode ordinary = costs.get("DC-BROOKLYN");
        // zone 1, 0.5 kg break 6.50 + residential 0.80; on the order's hazmat terms it was estimated at 13.30
        assertThat(ordinary.path("estimatedCost").decimalValue()).as("the ordinary parcel pays no hazmat surcharge")
                .isEqualByComparingTo("7.30");
        assertThat(ordinary.path("labelCost").decimalValue()).isEqualByComparingTo("7.30");
    }

    @Test
    void aBulkyLightItemIsEstimatedAndLabelledByItsDimensionalWeight() {
        // 0.3 kg in 50 × 40 × 30 cm: 60,000 cm³, 12 kg dimensional on the demo cards (5,000 cm³/kg)
        String pillow = sku("PILLOW", 0.3, 50, 40, 30, false, false);

        JsonNode cost = labelledAtItsEstimate(lifecycle.place(Lifecycle.order("WEB", pillow, 1, Map.of())));

        // DC-OLEAN → Brooklyn is zone 3 (about 250 mi)
        CarrierQuote bySize = CarrierModel.demo().quote(cost.path("estimatedCarrier").asText(),
                cost.path("estimatedService").asText(), new CarrierParcel(250, 0.3, 60_000, false, false, true))
                .orElseThrow();
        CarrierQuote byWeight = CarrierModel.demo().quote(cost.path("estimatedCarrier").asText(),
                cost.path("estimatedService").asText(), CarrierParcel.toHome(250, 0.3, false, false)).orElseThrow();
        assertThat(cost.path("labelCost").decimalValue()).as("billed by its 12 kg dimensional weight")
                .isEqualByComparingTo(bySize.priceAmount()).isGreaterThan(byWeight.priceAmount());
    }

    @Test
    void aChangedCarrierTableRulesTheEstimateAndTheLabelAlike() throws IOException {
        String original = table();
        String onlySwiftTwoDay = original.replace(
                "<outputEntry id=\"Rule_AnyGround_Carrier\">\n          <text>\"ANY\"</text>",
                "<outputEntry id=\"Rule_AnyGround_Carrier\">\n          <text>\"SWIFT\"</text>").replace(
                "<outputEntry id=\"Rule_AnyGround_Service\">\n          <text>\"GROUND\"</text>",
                "<outputEntry id=\"Rule_AnyGround_Service\">\n          <text>\"TWO_DAY\"</text>");
        assertThat(onlySwiftTwoDay).as("the table's catch-all was changed").contains("<text>\"SWIFT\"</text>")
                .contains("<outputEntry id=\"Rule_AnyGround_Service\">\n          <text>\"TWO_DAY\"</text>");
        deploy(onlySwiftTwoDay);
        try {
            String tee = lifecycle.skuWithStock("SWIFT-TEE", Map.of("DC-OLEAN", 3));
            JsonNode label = labelledAtItsEstimate(lifecycle.place(Lifecycle.order("WEB", tee, 1, Map.of())));

            assertThat(label.path("estimatedCarrier").asText()).as("the plan was priced with the only carrier allowed")
                    .isEqualTo("SWIFT");
            assertThat(label.path("estimatedService").asText()).isIn("TWO_DAY", "OVERNIGHT");
        } finally {
            deploy(original);
        }
        String tee = lifecycle.skuWithStock("ANY-TEE", Map.of("DC-OLEAN", 3));
        assertThat(labelledAtItsEstimate(lifecycle.place(Lifecycle.order("WEB", tee, 1, Map.of())))
                .path("estimatedService").asText()).as("the table deployed again: cheapest ground").isEqualTo("GROUND");
    }

    /** Waits for the order's one shipment to be labelled; checks the label is the estimate; returns the costs entry. */
    private JsonNode labelledAtItsEstimate(String orderId) {
        JsonNode order = lifecycle.awaitOrder(orderId, PATIENCE, o -> Lifecycle.liveShipments(o).size() == 1
                && StreamSupport.stream(o.path("shipmentCosts").spliterator(), false)
                        .anyMatch(c -> c.path("labelCost").isNumber()));
        JsonNode shipment = Lifecycle.liveShipments(order).get(0);
        JsonNode cost = StreamSupport.stream(order.path("shipmentCosts").spliterator(), false)
                .filter(c -> c.path("shipmentId").asText().equals(shipment.path("shipmentId").asText()))
                .findFirst().orElseThrow();
        assertThat(cost.path("estimatedCarrier").asText() + " " + cost.path("estimatedService").asText())
                .as("%s: the label is the carrier service the plan was priced with", orderId)
                .isEqualTo(shipment.path("carrier").asText() + " " + shipment.path("service").asText());
        assertThat(cost.path("labelCost").decimalValue()).as("%s: at the estimated price", orderId)
                .isEqualByComparingTo(cost.path("estimatedCost").decimalValue());
        return cost;
    }

    /**
     * Waits for the order's {@code parcels} shipments to be labelled; checks each label is its estimate; returns the
     * costs entries by node.
     */
    private Map<String, JsonNode> labelledAtTheirEstimates(String orderId, int parcels) {
        JsonNode order = lifecycle.awaitOrder(orderId, PATIENCE, o -> Lifecycle.liveShipments(o).size() == parcels
                && StreamSupport.stream(o.path("shipmentCosts").spliterator(), false)
                        .filter(c -> c.path("labelCost").isNumber()).count() == parcels);
        Map<String, JsonNode> byNode = new HashMap<>();
        for (JsonNode shipment : Lifecycle.liveShipments(order)) {
            JsonNode cost = StreamSupport.stream(order.path("shipmentCosts").spliterator(), false)
                    .filter(c -> c.path("shipmentId").asText().equals(shipment.path("shipmentId").asText()))
                    .findFirst().orElseThrow();
            assertThat(cost.path("estimatedCarrier").asText() + " " + cost.path("estimatedService").asText())
                    .as("%s: the label is the carrier service the plan was priced with", shipment)
                    .isEqualTo(shipment.path("carrier").asText() + " " + shipment.path("service").asText());
            assertThat(cost.path("labelCost").decimalValue()).as("%s: at the estimated price", shipment)
                    .isEqualByComparingTo(cost.path("estimatedCost").decimalValue());
            byNode.put(shipment.path("nodeId").asText(), cost);
        }
        return byNode;
    }

    private String sku(String prefix, double weightKg, int lengthCm, int widthCm, int heightCm, boolean hazmat,
                       boolean oversize) {
        String sku = prefix + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "name", "Test " + sku, "category", "TEST",
                "weightKg", weightKg, "lengthCm", lengthCm, "widthCm", widthCm, "heightCm", heightCm));
        body.putAll(Map.of("hazmat", hazmat, "oversize", oversize));
        assertThat(api.post("/api/skus", body, Api.ADMIN).status()).isIn(200, 201);
        Api.Response stocked = api.post("/api/inventory/adjustments", Map.of("eventId", "stock-" + sku, "nodeId",
                "DC-OLEAN", "sku", sku, "setOnHand", 3, "reason", "test stock"), Api.ADMIN);
        assertThat(stocked.status()).as(stocked.body()).isIn(200, 201);
        return sku;
    }

    private static String table() throws IOException {
        try (InputStream in = CarrierRulesLifecycleTest.class.getResourceAsStream("/dmn/carrier-selection.dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void deploy(String xml) {
        repository.createDeployment().name("carrier-selection test").addString("carrier-selection.dmn", xml).deploy();
    }
}
