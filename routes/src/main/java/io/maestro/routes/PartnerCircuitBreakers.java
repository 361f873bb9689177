package io.maestro.routes;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.maestro.integrations.PartnerProperties;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * One circuit breaker per partner system and target it calls (a node behind a shared node system, e.g. each DC
 * behind {@code node-dc}; the partner itself when the caller names no target), with the partner's settings: it opens
 * when the failure rate of the last calls to that target passes the threshold, lets one trial call through after
 * {@code open-ms}, and closes when it succeeds. So a short outage of one DC does not stop the calls to the others. A
 * refusal ({@link RouteErrorPolicy#refusal}) is an answer, so it counts as a successful call, not a failure.
 */
@Component
public class PartnerCircuitBreakers {

    /** Exchange property: the breaker that guards the call (route id, and target when there is one). */
    static final String BREAKER = "MaestroCircuitBreaker";
    private static final String STARTED = "MaestroCircuitBreakerStarted";

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

    /** The breaker of a partner route's calls that name no target. */
    public CircuitBreaker breaker(String partner) {
        return registry.circuitBreaker(RouteNames.kebab(partner));
    }

    /** Every partner's breaker, for their metrics. */
    public CircuitBreakerRegistry registry() {
        return registry;
    }

    /** The breaker of a partner route's calls to one target (a node id). */
    public CircuitBreaker breaker(String partner, String target) {
        return target == null ? breaker(partner) : registry.circuitBreaker(RouteNames.kebab(partner) + "@" + target);
    }

    /** Before the call: its breaker's permission, or {@code CallNotPermittedException} while it is open. */
    void permit(Exchange exchange) {
        exchange.getProperty(BREAKER, CircuitBreaker.class).acquirePermission();
        exchange.setProperty(STARTED, System.nanoTime());
    }

    void succeeded(Exchange exchange) {
        exchange.getProperty(BREAKER, CircuitBreaker.class).onSuccess(elapsed(exchange), TimeUnit.NANOSECONDS);
    }

    /** A failed call is counted (a refusal as a success) and failed on to the caller's route. */
    void failed(Exchange exchange) throws Exception {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        exchange.getProperty(BREAKER, CircuitBreaker.class).onError(elapsed(exchange), TimeUnit.NANOSECONDS, failure);
        throw failure;
    }

    /** Closes every circuit and forgets the calls it counted, as after a restart. */
    public void closeAll() {
        registry.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    private static long elapsed(Exchange exchange) {
        return System.nanoTime() - exchange.getProperty(STARTED, Long.class);
    }
}
