package io.maestro.processes.testing;

import io.maestro.core.partner.CarrierGateway;
import io.maestro.core.partner.ErpGateway;
import io.maestro.core.partner.Label;
import io.maestro.core.partner.LabelRequest;
import io.maestro.core.partner.NodeGateway;
import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.core.partner.PartnerUnavailableException;
import io.maestro.core.partner.RateQuote;
import io.maestro.core.partner.RateRequest;
import io.maestro.core.partner.RefundRequest;
import io.maestro.core.partner.ReplenishmentRequest;
import io.maestro.core.partner.ShipmentRelease;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Nodes and ERP as simple recording partners that can be switched down, until the integrations provide the real ones. */
@TestConfiguration(proxyBeanMethods = false)
public class InTestPartners {

    @Bean
    Nodes nodes() {
        return new Nodes();
    }

    @Bean
    Erp erp() {
        return new Erp();
    }

    @Bean
    Carriers carriers() {
        return new Carriers();
    }

    public static class Nodes implements NodeGateway {
        public final List<ShipmentRelease> released = new CopyOnWriteArrayList<>();
        public final List<String> cancelled = new CopyOnWriteArrayList<>();
        public volatile boolean down;
        /** When set, every call is answered with this refusal (a 4xx of the node). */
        public volatile PartnerRefusedException refusal;

        @Override
        public void release(ShipmentRelease release) {
            if (down) {
                throw new PartnerUnavailableException(release.nodeId(), "connection refused");
            }
            if (refusal != null) {
                throw refusal;
            }
            released.add(release);
        }

        @Override
        public void cancel(String nodeId, String orderId, String shipmentId, String reason) {
            if (down) {
                throw new PartnerUnavailableException(nodeId, "connection refused");
            }
            if (refusal != null) {
                throw refusal;
            }
            cancelled.add(nodeId + ":" + shipmentId + ":" + reason);
        }

        public void reset() {
            released.clear();
            cancelled.clear();
            down = false;
            refusal = null;
        }
    }

    /** Carriers that quote nothing (these tests never buy a label) and remember the labels voided, or refuse. */
    public static class Carriers implements CarrierGateway {
        public final List<String> voided = new CopyOnWriteArrayList<>();
        public volatile PartnerRefusedException refusal;

        @Override
        public List<RateQuote> quote(RateRequest request) {
            return List.of();
        }

        @Override
        public Label buyLabel(LabelRequest request) {
            throw new PartnerUnavailableException("carriers", "no carrier in this test");
        }

        @Override
        public void voidLabel(String carrier, String trackingNumber, String shipmentId) {
            if (refusal != null) {
                throw refusal;
            }
            voided.add(carrier + ":" + trackingNumber);
        }

        public void reset() {
            voided.clear();
            refusal = null;
        }
    }

    public static class Erp implements ErpGateway {
        public final List<RefundRequest> refunds = new CopyOnWriteArrayList<>();
        public final List<ReplenishmentRequest> purchaseOrders = new CopyOnWriteArrayList<>();
        public volatile boolean down;

        @Override
        public void requestRefund(RefundRequest request) {
            if (down) {
                throw new PartnerUnavailableException("erp", "timed out");
            }
            refunds.add(request);
        }

        @Override
        public void requestReplenishment(ReplenishmentRequest request) {
            if (down) {
                throw new PartnerUnavailableException("erp", "timed out");
            }
            purchaseOrders.add(request);
        }

        public void reset() {
            refunds.clear();
            purchaseOrders.clear();
            down = false;
        }
    }
}
