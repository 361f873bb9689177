package io.maestro.app.metrics;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.maestro.routes.PartnerCircuitBreakers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The state of each partner's circuit breaker ({@link PartnerCircuitBreakers}): one gauge per partner and state,
 * 1 for the state it is in, 0 for the others (as resilience4j's own Micrometer binding reports them). A partner's
 * breaker appears once its routes created it.
 */
@Component
public class PartnerCircuitBreakerMetrics {

    public PartnerCircuitBreakerMetrics(ObjectProvider<PartnerCircuitBreakers> partners, MeterRegistry registry) {
        partners.ifAvailable(breakers -> bind(breakers, registry));
    }

    private static void bind(PartnerCircuitBreakers breakers, MeterRegistry registry) {
        breakers.registry().getAllCircuitBreakers().forEach(breaker -> bind(breaker, registry));
        breakers.registry().getEventPublisher().onEntryAdded(added -> bind(added.getAddedEntry(), registry));
    }

    private static void bind(CircuitBreaker breaker, MeterRegistry registry) {
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            Gauge.builder("maestro.partner.circuit.breaker.state", breaker, b -> b.getState() == state ? 1 : 0)
                    .description("1 for the state a partner's circuit breaker is in (open: calls to the partner stop)")
                    .tag("partner", breaker.getName()).tag("state", state.name().toLowerCase())
                    .register(registry);
        }
    }
}
