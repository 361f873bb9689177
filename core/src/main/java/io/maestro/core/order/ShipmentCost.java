package io.maestro.core.order;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A shipment's carrier cost as estimated at allocation and as paid for its label (either null while unknown).
 *
 * @param driftPercent (label − estimate) ÷ estimate in %, null until both are known
 */
public record ShipmentCost(String shipmentId, String estimatedCarrier, String estimatedService, BigDecimal estimatedCost,
                           BigDecimal estimatedCo2Kg, String labelCarrier, String labelService, BigDecimal labelCost,
                           BigDecimal labelCo2Kg) {

    @JsonProperty
    public BigDecimal driftPercent() {
        if (estimatedCost == null || labelCost == null || estimatedCost.signum() == 0) {
            return null;
        }
        return labelCost.subtract(estimatedCost).multiply(BigDecimal.valueOf(100))
                .divide(estimatedCost, 2, RoundingMode.HALF_UP);
    }
}
