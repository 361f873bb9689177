package io.maestro.app.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.maestro.app.kpi.KpiPeriod;
import io.maestro.app.kpi.KpiReport;
import io.maestro.app.kpi.OrderKpis;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The order KPIs of a period (last 24 hours, 7 days, 30 days), with the series the console draws as charts. */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/kpis")
public class KpiController {

    /** The report and the width of its buckets ({@code HOURS} or {@code DAYS}). */
    public record KpiView(@JsonUnwrapped KpiReport report, String bucket) {
    }

    private final OrderKpis kpis;

    public KpiController(OrderKpis kpis) {
        this.kpis = kpis;
    }

    @GetMapping
    public KpiView kpis(@RequestParam(defaultValue = "HOURS_24") KpiPeriod period) {
        return new KpiView(kpis.of(period), period.bucket().name());
    }
}
