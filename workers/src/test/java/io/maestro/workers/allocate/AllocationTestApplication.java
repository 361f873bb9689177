package io.maestro.workers.allocate;

import io.maestro.core.CoreConfiguration;
import io.maestro.core.carrier.CarrierSelection;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Core and the allocation worker on a database, without Camunda: DMN {@code carrier-selection} is the table the
 * decisions module ships ({@link ShippedCarrierSelection}), not one read from the engine's tables.
 */
@SpringBootApplication
@Import(CoreConfiguration.class)
class AllocationTestApplication {

    @Bean
    @Primary
    CarrierSelection shippedCarrierSelection() {
        return new ShippedCarrierSelection();
    }
}
