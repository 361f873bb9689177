package io.maestro.routes;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.integrations.PartnerProperties;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * The one error policy of every route. Partner calls are redelivered with exponential backoff (not while the
 * partner's circuit is open, not when it refused the request as bad); what still fails goes back to the caller.
 * Bad input is never retried: it becomes a dead letter (source and reference from the exchange properties
 * {@link #SOURCE} and {@link #REFERENCE}) and the caller learns which field was wrong.
 */
@Component
public class RouteErrorPolicy {

    public static final String SOURCE = "MaestroDeadLetterSource";
    public static final String REFERENCE = "MaestroDeadLetterReference";
    public static final String PAYLOAD = "MaestroDeadLetterPayload";

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
        routes.onException(InvalidRequestException.class).maximumRedeliveries(0).logExhausted(false)
                .process(this::deadLetter);
        routes.onException(CallNotPermittedException.class).maximumRedeliveries(0);
        routes.onException(HttpOperationFailedException.class)
                .onWhen(e -> e.getException(HttpOperationFailedException.class).getStatusCode() < 500)
                .maximumRedeliveries(0);
    }

    /** For deliveries from an outbox that keeps its own retry schedule: no redelivery here. */
    public void applyToOutbox(RouteBuilder routes) {
        routes.errorHandler(routes.defaultErrorHandler().maximumRedeliveries(0).logStackTrace(false)
                .retriesExhaustedLogLevel(LoggingLevel.DEBUG));
    }

    private void deadLetter(Exchange exchange) {
        String source = exchange.getProperty(SOURCE, String.class);
        if (source == null) {
            return;
        }
        String payload = exchange.getProperty(PAYLOAD, String.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        deadLetters.record(source, exchange.getProperty(REFERENCE, "unknown", String.class),
                payload != null ? payload : exchange.getMessage().getBody(String.class),
                cause == null ? "rejected" : cause.getMessage());
    }
}
