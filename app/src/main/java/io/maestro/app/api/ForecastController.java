package io.maestro.app.api;

import io.maestro.workers.forecast.demand.Bucket;
import io.maestro.workers.forecast.demand.Forecasts;
import io.maestro.workers.forecast.demand.SkuForecast;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/forecasts")
public class ForecastController {

    private final Forecasts forecasts;

    public ForecastController(Forecasts forecasts) {
        this.forecasts = forecasts;
    }

    /**
     * A SKU's demand forecast at a node, or of the orders shipped to a region (without either: network-wide) over
     * horizon days or weeks.
     */
    @GetMapping("/{sku}")
    public SkuForecast get(@PathVariable String sku, @RequestParam(required = false) String nodeId,
                           @RequestParam(required = false) String region,
                           @RequestParam(defaultValue = "DAY") Bucket bucket,
                           @RequestParam(required = false) Integer horizon) {
        return forecasts.forSku(sku, nodeId, region, bucket, horizon == null ? bucket.defaultHorizon() : horizon);
    }

    /** Recomputes the SKU's forecasts now (every node, network-wide, days and weeks); the daily ones back. */
    @PostMapping("/{sku}/refresh")
    public List<SkuForecast> refresh(@PathVariable String sku) {
        return forecasts.refresh(sku);
    }
}
