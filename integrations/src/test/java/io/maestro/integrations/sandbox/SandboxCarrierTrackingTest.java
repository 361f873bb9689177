package io.maestro.integrations.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.carrier.CarrierModel;
import io.maestro.core.geo.Address;
import io.maestro.integrations.PartnerProperties;
import io.maestro.integrations.carriers.CarrierLabelRequest;
import io.maestro.integrations.carriers.CarrierTrackingMessage;
import io.maestro.integrations.carriers.Place;
import io.maestro.integrations.carriers.TrackingStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sandbox carrier's tracking webhooks keep their order whatever its clock runs late: here a clock that always runs
 * the step due last first, as a busy machine's threads may (before, the delivery then came before the pick-up, was
 * dropped, and the parcel stayed in transit for ever).
 */
class SandboxCarrierTrackingTest {

    private final LatestFirstClock clock = new LatestFirstClock();
    private final List<TrackingStatus> sent = new ArrayList<>();

    @ParameterizedTest(name = "delay rate {0}")
    @ValueSource(doubles = {0.0, 1.0})
    void aParcelIsPickedUpThenDelayedAtTheRateThenDelivered(double delayRate) {
        SandboxCarrierController carrier = carrier(delayRate);

        carrier.label("THRIFT", request("SHP-1"));
        clock.runAll();

        assertThat(sent).containsExactlyElementsOf(delayRate == 0
                ? List.of(TrackingStatus.IN_TRANSIT, TrackingStatus.DELIVERED)
                : List.of(TrackingStatus.IN_TRANSIT, TrackingStatus.DELAYED, TrackingStatus.DELIVERED));
    }

    @Test
    void aLabelVoidedBeforeThePickUpIsNotTracked() {
        SandboxCarrierController carrier = carrier(0);

        String tracking = carrier.label("THRIFT", request("SHP-2")).trackingNumber();
        carrier.voidLabel("THRIFT", tracking);
        clock.runAll();

        assertThat(sent).isEmpty();
    }

    private SandboxCarrierController carrier(double delayRate) {
        SandboxProperties properties = new SandboxProperties();
        properties.setDelayRate(delayRate);
        SandboxWebhooks webhooks = new SandboxWebhooks(null, clock, properties) {
            @Override
            public void send(String path, String secret, Object message) {
                sent.add(((CarrierTrackingMessage) message).status());
            }
        };
        return new SandboxCarrierController(new SandboxFaults(properties), webhooks, clock, new SandboxLabels(), properties,
                new PartnerProperties(), CarrierModel.demo());
    }

    private static CarrierLabelRequest request(String shipmentId) {
        return new CarrierLabelRequest("ORD-1", shipmentId, "GROUND", new Place("11201", 40.69, -73.99),
                new Place("02110", 42.36, -71.05), new Address("Casey Doe", "10 Jay St", null, "Brooklyn", "NY", "11201",
                "US"), new BigDecimal("1.0"), false, false, 0);
    }

    /** Collects what is scheduled and, until nothing is left, runs the step due last first. */
    private static final class LatestFirstClock extends SimulatedTime {

        private record Step(double days, Runnable task) {
        }

        private final List<Step> pending = new ArrayList<>();

        LatestFirstClock() {
            super(new SandboxProperties());
        }

        @Override
        public void after(double days, Runnable task) {
            pending.add(new Step(days, task));
        }

        void runAll() {
            while (!pending.isEmpty()) {
                Step last = pending.stream().max(Comparator.comparingDouble(Step::days)).orElseThrow();
                pending.remove(last);
                last.task().run();
            }
        }
    }
}
