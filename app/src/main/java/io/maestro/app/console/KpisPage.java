package io.maestro.app.console;

import io.maestro.app.kpi.KpiPeriod;
import io.maestro.app.kpi.KpiReport;
import io.maestro.app.kpi.OrderKpis;
import io.maestro.core.order.OrderService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The order KPIs of a chosen period as charts and figures. */
@Controller
@ConditionalOnWebApplication
public class KpisPage {

    private final OrderKpis kpis;
    private final OrderService orders;

    public KpisPage(OrderKpis kpis, OrderService orders) {
        this.kpis = kpis;
        this.orders = orders;
    }

    @GetMapping("/console/kpis")
    String kpis(@RequestParam(defaultValue = "HOURS_24") KpiPeriod period, Model model) {
        KpiReport report = kpis.of(period);
        model.addAttribute("report", report);
        model.addAttribute("drift", orders.estimateDrift());
        model.addAttribute("periods", KpiPeriod.values());
        model.addAttribute("lines", SvgChart.lines(report.ordersByChannel()));
        model.addAttribute("maxPerBucket", SvgChart.max(report.ordersByChannel()));
        model.addAttribute("slaBars", SvgChart.bars(report.slaBreachesByNode()));
        model.addAttribute("backlogBars", SvgChart.bars(report.backlogByStatus()));
        model.addAttribute("chartWidth", SvgChart.WIDTH);
        model.addAttribute("chartHeight", SvgChart.HEIGHT);
        return "console/kpis";
    }
}
