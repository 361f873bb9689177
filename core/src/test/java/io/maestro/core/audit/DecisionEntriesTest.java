package io.maestro.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.network.NetworkService;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.testing.TestData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A decision on the order's timeline reads back as it was taken: the latest of its table, outputs as typed. */
@SpringBootTest
class DecisionEntriesTest {

    @Autowired DecisionEntries decisions;
    @Autowired AuditTrail audit;
    @Autowired OrderIntake intake;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;

    @Test
    void theLatestDecisionOfTheTableIsReadBackWithItsOutputsAsTyped() {
        String order = order("W-DECISIONS-1");
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("promiseDays", 5);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("costWeight", 0.5);
        second.put("maxShipments", 3);
        second.put("serviceUpgrade", true);
        second.put("reason", "VIP");
        second.put("consolidate", null);
        decisions.record(order, "fulfillment-policy", 2, List.of(new DecisionEntries.MatchedRule("Rule_A", "", first)));
        decisions.record(order, "fulfillment-policy", 3,
                List.of(new DecisionEntries.MatchedRule("Rule_B", "VIPs are promised 3 days", second)));
        decisions.record(order, "node-eligibility", 1, List.of());

        assertThat(decisions.latest(order, "fulfillment-policy")).hasValueSatisfying(rules ->
                assertThat(rules).containsExactly(new DecisionEntries.MatchedRule("Rule_B", "VIPs are promised 3 days",
                        second)));
        assertThat(decisions.latest(order, "node-eligibility")).as("decided, no rule matched").hasValue(List.of());
        assertThat(decisions.latest(order, "order-screening")).as("never decided").isEmpty();
        assertThat(audit.timeline(order)).filteredOn(e -> e.type().equals(DecisionEntries.TYPE))
                .extracting(TimelineEntry::actor, TimelineEntry::reason).contains(
                        tuple("dmn:fulfillment-policy:v3",
                                "fulfillment-policy v3: Rule_B (VIPs are promised 3 days) → {costWeight=0.5, "
                                        + "maxShipments=3, serviceUpgrade=true, reason=VIP, consolidate=null}"),
                        tuple("dmn:node-eligibility:v1",
                                "node-eligibility v1: no rule matched"));
    }

    private String order(String channelOrderId) {
        TestData.seed(network, catalog);
        return intake.accept(TestData.order(channelOrderId), "web").order().orderId();
    }
}
