package io.maestro.routes;

import io.maestro.core.deadletter.DeadLetters;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one error policy of every route. Two kinds of route exist:
 * <ul>
 *   <li>{@link #input}: input from outside (a file, a message). What the route cannot take is kept as an OPEN dead
 *       letter of its source with the reason, then the exchange fails (a file goes to its {@code moveFailed} folder).
 *       Nothing is retried: bad input stays bad until an operator fixes the cause and replays it.</li>
 *   <li>{@link #partnerCall}: a call to a partner. Retried with exponential backoff while the partner is unreachable,
 *       times out or answers 5xx/429; a 4xx answer is not retried. The caller gets the last exception.</li>
 * </ul>
 * Routes set the header {@link #REFERENCE} to say where the input came from (file and line, topic); a file's name
 * serves when it is missing.
 */
@Component
public class RouteErrorPolicy {

    /** Header naming where the input came from, kept as the dead letter's reference. */
    public static final String REFERENCE = "MaestroDeadLetterReference";

    private static final Logger LOG = LoggerFactory.getLogger(RouteErrorPolicy.class);

    private final DeadLetters deadLetters;
    private final int retries;
    private final long firstDelayMs;
    private final long maxDelayMs;

    public RouteErrorPolicy(DeadLetters deadLetters,
                            @Value("${maestro.routes.partner-retries:4}") int retries,
                            @Value("${maestro.routes.partner-retry-delay-ms:500}") long firstDelayMs,
                            @Value("${maestro.routes.partner-max-retry-delay-ms:8000}") long maxDelayMs) {
        this.deadLetters = deadLetters;
        this.retries = retries;
        this.firstDelayMs = firstDelayMs;
        this.maxDelayMs = maxDelayMs;
    }

    /** A route taking input from outside; failures become dead letters of {@code source}. */
    public RouteDefinition input(RouteBuilder routes, String uri, String routeId, String source) {
        RouteDefinition route = routes.from(uri).routeId(routeId);
        route.onException(Exception.class).handled(false).process(deadLetter(source)).end();
        return route;
    }

    /** A route calling a partner; retried with backoff while the partner is unavailable. */
    public RouteDefinition partnerCall(RouteBuilder routes, String uri, String routeId) {
        return routes.from(uri).routeId(routeId).errorHandler(partnerRetries());
    }

    /** Attempts a partner call gets in all: the first plus the retries. */
    public int attempts() {
        return retries + 1;
    }

    /** True when trying again later may succeed: the partner could not be reached, timed out, was busy or failed. */
    public static boolean retryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
            if (t instanceof HttpOperationFailedException http) {
                return http.getStatusCode() >= 500 || http.getStatusCode() == 429 || http.getStatusCode() == 408;
            }
        }
        return false;
    }

    private DefaultErrorHandlerDefinition partnerRetries() {
        DefaultErrorHandlerDefinition handler = new DefaultErrorHandlerDefinition();
        handler.maximumRedeliveries(retries).redeliveryDelay(firstDelayMs).useExponentialBackOff().backOffMultiplier(2)
                .maximumRedeliveryDelay(maxDelayMs).retryAttemptedLogLevel(LoggingLevel.WARN)
                .retriesExhaustedLogLevel(LoggingLevel.WARN).logStackTrace(false);
        // retryWhile replaces the maximum, so it counts the attempts itself (the counter already includes this one).
        handler.setRetryWhilePredicate(exchange -> exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0,
                Integer.class) <= retries && retryable(exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));
        return handler;
    }

    private Processor deadLetter(String source) {
        return exchange -> {
            Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            String reference = exchange.getMessage().getHeader(REFERENCE, String.class);
            if (reference == null) {
                reference = exchange.getMessage().getHeader(Exchange.FILE_NAME, exchange.getFromRouteId(), String.class);
            }
            String payload = exchange.getMessage().getBody(String.class);
            String reason = cause == null ? "failed" : cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage();
            long id = deadLetters.record(source, reference, payload == null ? "" : payload, reason);
            LOG.warn("Dead letter {} from {} ({}): {}", id, source, reference, reason);
        };
    }
}
