package io.maestro.workers.forecast.demand;

import io.maestro.workers.forecast.NegativeBinomial;

/** A SKU's demand at a node over some days: its forecast and the distribution of the total, for any quantile. */
public record LeadTimeDemand(SkuForecast forecast, NegativeBinomial demand) {
}
