package io.maestro.routes;

import io.maestro.core.inbox.PartnerEventInbox;
import io.maestro.integrations.PartnerProperties;
import io.maestro.integrations.carriers.CarrierMessages;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The carriers: one route per configured carrier ({@code carrier-swift}, ...) for rates and labels, each behind
 * the carrier's circuit breaker; and {@code carrier-tracking}, their signed tracking events on their way into the
 * partner event inbox.
 */
@Component
public class CarrierRoutes extends RouteBuilder {

    public static final String EVENT_SOURCE = "carrier-webhook";

    private final PartnerProperties partners;
    private final PartnerCalls calls;
    private final RouteErrorPolicy errorPolicy;
    private final PartnerEventInbox inbox;

    public CarrierRoutes(PartnerProperties partners, PartnerCalls calls,
                         RouteErrorPolicy errorPolicy, PartnerEventInbox inbox) {
        this.partners = partners;
        this.calls = calls;
        this.errorPolicy = errorPolicy;
        this.inbox = inbox;
    }

    public static String routeId(String carrier) {
        return "carrier-" + RouteNames.kebab(carrier);
    }

    @Override
    public void configure() {
        errorPolicy.applyTo(this);
        for (String carrier : partners.getCarriers().keySet()) {
            calls.define(this, routeId(carrier));
        }

        from("direct:carrier-tracking").routeId("carrier-tracking")
                .setProperty(RouteErrorPolicy.SOURCE, constant(EVENT_SOURCE))
                .setProperty(RouteErrorPolicy.REFERENCE, simple("carrier ${header.carrier}"))
                .process(exchange -> exchange.setProperty(RouteErrorPolicy.PAYLOAD, WebhookEnvelope.of(
                        exchange.getMessage().getHeader("carrier", String.class), exchange.getMessage().getBody(String.class))
                        .toJson()))
                .process(exchange -> exchange.getMessage().setBody(CarrierMessages.toPartnerEvent(
                        exchange.getMessage().getHeader("carrier", String.class), exchange.getMessage().getBody(String.class))))
                .bean(inbox, "receiveFromPartner");
    }
}
