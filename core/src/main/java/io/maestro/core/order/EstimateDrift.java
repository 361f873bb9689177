package io.maestro.core.order;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * How far labels bought differ from allocation's estimates, over every shipment with both.
 *
 * @param withinOnePercent shipments whose |label − estimate| ≤ 1 % of the estimate
 * @param meanAbsPercent   mean |label − estimate| ÷ estimate, in %
 * @param maxAbsPercent    the largest of them, in %
 */
public record EstimateDrift(long shipments, long withinOnePercent, BigDecimal estimated, BigDecimal labels,
                            double meanAbsPercent, double maxAbsPercent) {

    /** Share of shipments within 1 % (1 when there are none). */
    @JsonProperty
    public double shareWithinOnePercent() {
        return shipments == 0 ? 1.0 : (double) withinOnePercent / shipments;
    }
}
