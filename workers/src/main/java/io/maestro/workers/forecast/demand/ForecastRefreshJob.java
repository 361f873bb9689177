package io.maestro.workers.forecast.demand;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Refreshes every SKU's forecasts on a schedule ({@code maestro.forecast.refresh-interval}, default 6 hours). */
@Component
class ForecastRefreshJob {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastRefreshJob.class);

    private final Forecasts forecasts;

    ForecastRefreshJob(Forecasts forecasts) {
        this.forecasts = forecasts;
    }

    @Scheduled(fixedDelayString = "${maestro.forecast.refresh-interval:PT6H}",
            initialDelayString = "${maestro.forecast.refresh-initial-delay:PT1H}")
    void refresh() {
        long started = System.nanoTime();
        int skus = forecasts.refreshAll();
        LOG.info("Refreshed the demand forecasts of {} SKUs in {} ms", skus, (System.nanoTime() - started) / 1_000_000);
    }
}
