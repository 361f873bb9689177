package io.maestro.workers.forecast.demand;

import io.maestro.core.CoreConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** Core and the forecasts on a database, on a clock the test sets. */
@SpringBootApplication
@Import(CoreConfiguration.class)
class ForecastTestApplication {

    @Bean
    @Primary
    SettableClock settableClock() {
        return new SettableClock();
    }

    /** A UTC clock that stands where the test puts it. */
    static final class SettableClock extends Clock {

        private java.time.Instant now = java.time.Instant.parse("2026-03-02T10:00:00Z");

        void set(String instant) {
            now = java.time.Instant.parse(instant);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }
}
