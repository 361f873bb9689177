package io.maestro.routes;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.integrations.PartnerProperties;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one error policy of every route, with the retry settings of {@code maestro.partners.retry}.
 * <ul>
 *   <li>Partner calls ({@link #applyTo}, {@link #partnerCall}) are redelivered with exponential backoff while the
 *       partner is unreachable, times out or answers 5xx/429/408 — not while its circuit is open, and never when it
 *       answered with another 4xx: that is a refusal ({@link #refusal}), the partner's answer, which goes back to the
 *       caller at once (and which its circuit breaker does not count as a failure). What still fails goes back to the
 *       caller.</li>
 *   <li>Input from outside ({@link #input}, and {@link InvalidRequestException} under {@link #applyTo}) is never
 *       retried: it becomes an OPEN dead letter of its source with the reason, for an operator to fix and replay.
 *       The reference (file and line, topic) comes from the exchange property or header {@link #REFERENCE}, else the
 *       file name.</li>
 *   <li>Outbox deliveries ({@link #applyToOutbox}) keep their own retry schedule: no redelivery here.</li>
 * </ul>
 */
@Component
public class RouteErrorPolicy {

    public static final String SOURCE = "MaestroDeadLetterSource";
    public static final String REFERENCE = "MaestroDeadLetterReference";
    public static final String PAYLOAD = "MaestroDeadLetterPayload";

    private static final Logger LOG = LoggerFactory.getLogger(RouteErrorPolicy.class);

    private final PartnerProperties partners;
    private final DeadLetters deadLetters;

    public RouteErrorPolicy(PartnerProperties partners, DeadLetters deadLetters) {
        this.partners = partners;
        this.deadLetters = deadLetters;
    }

    /** For route builders that call partners and take their messages. */
    public void applyTo(RouteBuilder routes) {
        PartnerProperties.Retry retry = partners.getRetry();
        routes.errorHandler(routes.defaultErrorHandler()
                .maximumRedeliveries(retry.getRedeliveries())
                .redeliveryDelay(retry.getInitialDelayMs())
                .useExponentialBackOff()
                .backOffMultiplier(retry.getMultiplier())
                .maximumRedeliveryDelay(retry.getMaxDelayMs())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhaustedMessageHistory(false)
                .logStackTrace(false));
        // the dead letter and the caller's 422 are the record of bad input: no error log
        routes.onException(InvalidRequestException.class).maximumRedeliveries(0).logExhausted(false).process(exchange -> {
            String source = exchange.getProperty(SOURCE, String.class);
            if (source != null) {
                deadLetter(exchange, source);
            }
        });
        routes.onException(CallNotPermittedException.class).maximumRedeliveries(0);
        routes.onException(HttpOperationFailedException.class)
                .onWhen(e -> refusal(e.getException()) != null)
                .maximumRedeliveries(0).logExhausted(false);
    }

    /** For deliveries from an outbox that keeps its own retry schedule: no redelivery here. */
    public void applyToOutbox(RouteBuilder routes) {
        routes.errorHandler(routes.defaultErrorHandler().maximumRedeliveries(0).logStackTrace(false)
                .retriesExhaustedLogLevel(LoggingLevel.DEBUG));
    }

    /** A route taking input from outside; failures become dead letters of {@code source}. */
    public RouteDefinition input(RouteBuilder routes, String uri, String routeId, String source) {
        RouteDefinition route = routes.from(uri).routeId(routeId);
        route.onException(Exception.class).handled(false).process(exchange -> deadLetter(exchange, source)).end();
        return route;
    }

    /** A route calling a partner; retried with backoff while the partner is unavailable. */
    public RouteDefinition partnerCall(RouteBuilder routes, String uri, String routeId) {
        return routes.from(uri).routeId(routeId).errorHandler(partnerRetries());
    }

    /** Attempts a partner call gets in all: the first plus the retries. */
    public int attempts() {
        return partners.getRetry().getRedeliveries() + 1;
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

    /**
     * The partner's refusal in {@code failure}: an HTTP answer {@code 4xx} other than 408 (timeout) and 429 (busy),
     * which asking again would not change; null when the failure is anything else.
     */
    public static HttpOperationFailedException refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException http) {
                int status = http.getStatusCode();
                return status >= 400 && status < 500 && status != 408 && status != 429 ? http : null;
            }
        }
        return null;
    }

    private DefaultErrorHandlerDefinition partnerRetries() {
        PartnerProperties.Retry retry = partners.getRetry();
        DefaultErrorHandlerDefinition handler = new DefaultErrorHandlerDefinition();
        handler.maximumRedeliveries(retry.getRedeliveries()).redeliveryDelay(retry.getInitialDelayMs())
                .useExponentialBackOff().backOffMultiplier(retry.getMultiplier())
                .maximumRedeliveryDelay(retry.getMaxDelayMs()).retryAttemptedLogLevel(LoggingLevel.WARN)
                .retriesExhaustedLogLevel(LoggingLevel.WARN).logStackTrace(false);
        // retryWhile replaces the maximum, so it counts the attempts itself (the counter already includes this one).
        handler.setRetryWhilePredicate(exchange -> exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0,
                Integer.class) <= retry.getRedeliveries() && retryable(exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));
        return handler;
    }

    private void deadLetter(Exchange exchange, String source) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reference = exchange.getProperty(REFERENCE, String.class);
        if (reference == null) {
            reference = exchange.getMessage().getHeader(REFERENCE, String.class);
        }
        if (reference == null) {
            reference = exchange.getMessage().getHeader(Exchange.FILE_NAME, exchange.getFromRouteId(), String.class);
        }
        String payload = exchange.getProperty(PAYLOAD, String.class);
        if (payload == null) {
            payload = exchange.getMessage().getBody(String.class);
        }
        String reason = cause == null ? "rejected" : cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage();
        long id = deadLetters.record(source, reference, payload == null ? "" : payload, reason);
        LOG.warn("Dead letter {} from {} ({}): {}", id, source, reference, reason);
    }
}
