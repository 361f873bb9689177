package io.maestro.processes.fulfillment;

import io.maestro.core.CoreConfiguration;
import io.maestro.core.partner.CarrierGateway;
import io.maestro.core.partner.Label;
import io.maestro.core.partner.LabelRequest;
import io.maestro.core.partner.NodeGateway;
import io.maestro.core.partner.PartnerUnavailableException;
import io.maestro.core.partner.RateQuote;
import io.maestro.core.partner.RateRequest;
import io.maestro.core.partner.ShipmentRelease;
import io.maestro.processes.ProcessesConfiguration;
import io.maestro.workers.WorkersConfiguration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Core, the allocation and the processes on H2 with a Camunda engine; a node system that remembers what it was told. */
@SpringBootApplication
@Import({CoreConfiguration.class, WorkersConfiguration.class, ProcessesConfiguration.class})
public class FulfillmentTestApplication {

    /** The node systems' side of releases and withdrawals, as calls they received. */
    public static class RecordingNodes implements NodeGateway {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void release(ShipmentRelease release) {
            calls.add("release " + release.shipmentId() + " at " + release.nodeId());
        }

        @Override
        public void cancel(String nodeId, String orderId, String shipmentId, String reason) {
            calls.add("cancel " + shipmentId + " at " + nodeId);
        }
    }

    @Bean
    RecordingNodes nodes() {
        return new RecordingNodes();
    }

    /** No carrier answers here: these tests buy no label, the shipment delegates only need the port to exist. */
    @Bean
    CarrierGateway carriers() {
        return new CarrierGateway() {
            @Override
            public List<RateQuote> quote(RateRequest request) {
                return List.of();
            }

            @Override
            public Label buyLabel(LabelRequest request) {
                throw new PartnerUnavailableException("carriers", "no carrier in this test");
            }
        };
    }
}
