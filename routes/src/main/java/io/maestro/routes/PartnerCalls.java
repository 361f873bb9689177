package io.maestro.routes;

import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.core.partner.PartnerUnavailableException;
import io.maestro.integrations.PartnerProperties;
import io.maestro.integrations.PartnerProperties.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.ObjectHelper;
import org.springframework.stereotype.Component;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP calls to partners, each through its partner's route: a circuit breaker around the call, redelivery with
 * backoff by {@link RouteErrorPolicy}. A partner's refusal (a {@code 4xx} other than 408 and 429) is its answer: tried
 * once, a {@link PartnerRefusedException} with the partner's status and message. A call that still fails otherwise is
 * a {@link PartnerUnavailableException}.
 */
@Component
public class PartnerCalls {

    static final String URL = "MaestroPartnerUrl";
    private static final Pattern MESSAGE_FIELD = Pattern.compile("\"(detail|message)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final ProducerTemplate camel;
    private final PartnerProperties partners;
    private final PartnerCircuitBreakers breakers;

    public PartnerCalls(ProducerTemplate camel, PartnerProperties partners, PartnerCircuitBreakers breakers) {
        this.camel = camel;
        this.partners = partners;
        this.breakers = breakers;
    }

    /**
     * The routes of one partner: {@code direct:<routeId>} redelivers (the builder's error policy) each attempt to
     * {@code direct:<routeId>-call}, the HTTP call to the URL the caller set inside the circuit breaker of the
     * partner and target called ({@link PartnerCircuitBreakers}; open: fails at once with
     * {@code CallNotPermittedException}). The call route has no error handler of its own: the circuit breaker sees
     * every attempt, the caller route decides about trying again.
     */
    void define(RouteBuilder routes, String routeId) {
        HttpComponent http = routes.getContext().getComponent("http", HttpComponent.class);
        http.setConnectTimeout(partners.getTimeoutMs());
        http.setResponseTimeout(partners.getTimeoutMs());
        http.setAutomaticRetriesDisabled(true);
        routes.from("direct:" + routeId).routeId(routeId)
                .to("direct:" + routeId + "-call");
        routes.from("direct:" + routeId + "-call").routeId(routeId + "-call")
                .errorHandler(routes.noErrorHandler())
                .process(breakers::permit)
                .doTry()
                    .toD("${exchangeProperty." + URL + "}")
                    .process(breakers::succeeded)
                .doCatch(Exception.class)
                    .process(breakers::failed)
                .end();
    }

    /** POSTs the body to the partner's URL through route {@code routeId}; returns the partner's answer. */
    public String post(String routeId, Endpoint partner, String url, String contentType, String body) {
        return post(routeId, null, partner, url, contentType, body);
    }

    /**
     * POSTs the body to the partner's URL for one target (a node behind a shared node system) through route
     * {@code routeId}, behind that target's own circuit breaker; returns the partner's answer.
     */
    public String post(String routeId, String target, Endpoint partner, String url, String contentType, String body) {
        Exchange result = camel.send("direct:" + routeId, exchange -> {
            exchange.setProperty(URL, url);
            exchange.setProperty(PartnerCircuitBreakers.BREAKER, breakers.breaker(routeId, target));
            Message message = exchange.getMessage();
            message.setBody(body);
            message.setHeader(Exchange.HTTP_METHOD, "POST");
            message.setHeader(Exchange.CONTENT_TYPE, contentType);
            String auth = partner.partner().getAuth();
            if (auth != null && !auth.isBlank()) {
                message.setHeader("Authorization", auth);
            }
        });
        Exception failure = result.getException();
        if (failure != null) {
            HttpOperationFailedException refusal = RouteErrorPolicy.refusal(failure);
            if (refusal != null) {
                throw new PartnerRefusedException(partner.name(), refusal.getStatusCode(), partnerMessage(refusal));
            }
            throw new PartnerUnavailableException(partner.name(), describe(failure), failure);
        }
        return result.getMessage().getBody(String.class);
    }

    /** The partner's words: the {@code detail} or {@code message} of a JSON error body, else the body, else the status text. */
    static String partnerMessage(HttpOperationFailedException refusal) {
        String body = refusal.getResponseBody();
        if (body == null || body.isBlank()) {
            return refusal.getStatusText() == null ? "HTTP " + refusal.getStatusCode() : refusal.getStatusText();
        }
        Matcher field = MESSAGE_FIELD.matcher(body);
        String message = field.find() ? field.group(2) : body.strip();
        return message.substring(0, Math.min(message.length(), 300));
    }

    private static String describe(Exception failure) {
        HttpOperationFailedException http = ObjectHelper.getException(HttpOperationFailedException.class, failure);
        if (http != null) {
            String body = http.getResponseBody() == null ? "" : ": " + http.getResponseBody();
            return "HTTP " + http.getStatusCode() + body.substring(0, Math.min(body.length(), 300));
        }
        Throwable cause = failure instanceof RuntimeCamelException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
