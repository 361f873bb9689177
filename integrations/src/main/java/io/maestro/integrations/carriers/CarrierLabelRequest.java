package io.maestro.integrations.carriers;

import io.maestro.core.geo.Address;
import java.math.BigDecimal;

/**
 * POST {url}/labels: buy the label of one shipment for the chosen service; {@code volumeCm3} (optional, 0 when
 * unknown) gives the dimensional weight.
 */
public record CarrierLabelRequest(String orderId, String shipmentId, String service, Place origin, Place destination,
                                  Address shipTo, BigDecimal weightKg, boolean hazmat, boolean oversize,
                                  double volumeCm3) {

    public CarrierLabelRequest(String orderId, String shipmentId, String service, Place origin, Place destination,
                               Address shipTo, BigDecimal weightKg, boolean hazmat, boolean oversize) {
        this(orderId, shipmentId, service, origin, destination, shipTo, weightKg, hazmat, oversize, 0);
    }
}
