package io.maestro.processes.fulfillment;

import io.maestro.core.CoreConfiguration;
import io.maestro.core.partner.NodeGateway;
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
class FulfillmentTestApplication {

    /** The node systems' side of releases and withdrawals, as calls they received. */
    static class RecordingNodes implements NodeGateway {
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
}
