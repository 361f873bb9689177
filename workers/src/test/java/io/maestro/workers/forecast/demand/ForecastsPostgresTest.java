package io.maestro.workers.forecast.demand;

import io.maestro.core.testing.PostgresProfile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same week of demand and the same forecasts on real PostgreSQL (queries, V14, timestamps). */
class ForecastsPostgresTest extends ForecastsTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresProfile.register(registry);
    }
}
