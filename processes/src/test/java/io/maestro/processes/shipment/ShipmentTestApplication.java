package io.maestro.processes.shipment;

import io.maestro.core.CoreConfiguration;
import io.maestro.processes.ProcessesConfiguration;
import io.maestro.workers.allocate.AllocationPolicies;
import io.maestro.workers.allocate.CarrierSelectionDecision;
import io.maestro.workers.allocate.DecisionVersions;
import io.maestro.workers.allocate.EngineInputs;
import io.maestro.workers.allocate.NodeExclusions;
import io.maestro.workers.allocate.OrderAllocation;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Core, the engine and the shipment delegates on one H2 database, with in-test partners, the allocation the
 * {@code reallocate-order} worker runs and the demand forecasts (the replenishment delegates beside them read them).
 */
@SpringBootApplication
@Import({CoreConfiguration.class, ProcessesConfiguration.class, OrderAllocation.class, NodeExclusions.class, EngineInputs.class,
        CarrierSelectionDecision.class, DecisionVersions.class,
        AllocationPolicies.class, ShipmentTestApplication.DemandForecasts.class})
class ShipmentTestApplication {

    /** The forecasts the processes' replenishment delegates read. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan("io.maestro.workers.forecast.demand")
    static class DemandForecasts {
    }

    @Bean
    TestNodes testNodes() {
        return new TestNodes();
    }

    @Bean
    TestCarriers testCarriers() {
        return new TestCarriers();
    }
}
