package io.maestro.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.decisions.DecisionTable.Evaluation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DMN {@code shipment-delay}: re-promise or reroute a late shipment, and whether the customer is told. */
class ShipmentDelayTest {

    private static final DecisionTable TABLE = new DecisionTable("shipment-delay");

    /** A standard shipped parcel one day late that already left the node. */
    private static final Inputs DELAY = Inputs.of("delayDays", 1, "leftNode", true, "customerTier", "STANDARD",
            "deliveryOption", "SHIP");

    @Test
    void vipParcelTwoDaysLateStillAtTheNodeIsRerouted() {
        Evaluation e = TABLE.evaluate(DELAY.with("customerTier", "VIP").with("delayDays", 2).with("leftNode", false));

        assertThat(e.ruleId()).isEqualTo("Rule_RerouteVipDelay");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "REROUTE", "notifyCustomer", true,
                "reason", "A VIP parcel is 2 or more days late and has not left the node"));
    }

    @Test
    void parcelThreeDaysLateStillAtTheNodeIsRerouted() {
        Evaluation e = TABLE.evaluate(DELAY.with("delayDays", 3).with("leftNode", false).with("deliveryOption", "BOPIS"));

        assertThat(e.ruleId()).isEqualTo("Rule_RerouteLongDelay");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "REROUTE", "notifyCustomer", true,
                "reason", "3 or more days late and still at the node"));
    }

    @Test
    void pickupCustomerIsToldOfAnyDelay() {
        for (String option : new String[] {"BOPIS", "CURBSIDE"}) {
            Evaluation e = TABLE.evaluate(DELAY.with("deliveryOption", option).with("delayDays", 0));

            assertThat(e.ruleId()).isEqualTo("Rule_PickupDelayNotify");
            assertThat(e.outputs()).isEqualTo(Map.of("action", "RE_PROMISE", "notifyCustomer", true,
                    "reason", "The pickup will be ready later than promised"));
        }
    }

    @Test
    void sameDayDelayIsRecordedWithoutTellingTheCustomer() {
        Evaluation e = TABLE.evaluate(DELAY.with("delayDays", 0).with("leftNode", false));

        assertThat(e.ruleId()).isEqualTo("Rule_SameDayDelaySilent");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "RE_PROMISE", "notifyCustomer", false,
                "reason", "Delayed by hours, still within the promised day"));
    }

    @Test
    void otherwiseTheDateMovesAndTheCustomerIsTold() {
        Evaluation e = TABLE.evaluate(DELAY.with("delayDays", 6));

        assertThat(e.ruleId()).isEqualTo("Rule_RePromise");
        assertThat(e.outputs()).isEqualTo(Map.of("action", "RE_PROMISE", "notifyCustomer", true,
                "reason", "New delivery date; the customer is told"));
    }
}
