package io.maestro.routes;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.maestro.integrations.PartnerProperties;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.springframework.stereotype.Component;

/**
 * One circuit breaker per partner, shared by all of that partner's routes: it opens when the failure rate of the
 * last calls passes the threshold, lets one trial call through after {@code open-ms}, and closes when it succeeds.
 * A refusal ({@link RouteErrorPolicy#refusal}) is an answer, so it counts as a successful call, not a failure.
 */
@Component
public class PartnerCircuitBreakers {

    private final CircuitBreakerRegistry registry;

    public PartnerCircuitBreakers(PartnerProperties partners) {
        PartnerProperties.Breaker b = partners.getCircuitBreaker();
        registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(b.getSlidingWindow())
                .minimumNumberOfCalls(b.getMinimumCalls())
                .failureRateThreshold(b.getFailureRateThreshold())
                .waitDurationInOpenState(Duration.ofMillis(b.getOpenMs()))
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(failure -> RouteErrorPolicy.refusal(failure) == null)
                .build());
    }

    /** The partner's breaker, bound in the Camel registry under the returned name for the circuitBreaker EIP. */
    public String bind(CamelContext camel, String partner) {
        String name = "circuit-breaker-" + RouteNames.kebab(partner);
        camel.getRegistry().bind(name, breaker(partner));
        return name;
    }

    public CircuitBreaker breaker(String partner) {
        return registry.circuitBreaker(RouteNames.kebab(partner));
    }

    /** Every partner's breaker, for their metrics. */
    public CircuitBreakerRegistry registry() {
        return registry;
    }

    /** Closes every circuit and forgets the calls it counted, as after a restart. */
    public void closeAll() {
        registry.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }
}
