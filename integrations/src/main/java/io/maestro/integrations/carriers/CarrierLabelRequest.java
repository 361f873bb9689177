package io.maestro.integrations.carriers;

import io.maestro.core.geo.Address;
import java.math.BigDecimal;

/** POST {url}/labels: buy the label of one shipment for the chosen service. */
public record CarrierLabelRequest(String orderId, String shipmentId, String service, Place origin, Place destination,
                                  Address shipTo, BigDecimal weightKg, boolean hazmat, boolean oversize) {
}
