package io.maestro.app.kpi;

import io.maestro.app.kpi.KpiReport.Percentiles;
import java.math.BigDecimal;

/** The KPIs of one set of orders, e.g. those a rollout's candidate decided; as in {@link KpiReport}. */
public record SliceKpis(long orders, Percentiles orderToAllocated, Percentiles orderToDelivered, Double splitRate,
                        Double fillRate, BigDecimal costPerOrder, BigDecimal co2KgPerOrder) {
}
