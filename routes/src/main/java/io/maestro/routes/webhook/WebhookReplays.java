package io.maestro.routes.webhook;

import io.maestro.core.deadletter.DeadLetterHandler;
import io.maestro.core.inbox.PartnerEventInbox;
import io.maestro.integrations.carriers.CarrierMessages;
import io.maestro.integrations.nodes.NodeMessages;
import io.maestro.routes.CarrierRoutes;
import io.maestro.routes.NodeRoutes;
import io.maestro.routes.WebhookEnvelope;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replays of the webhooks' dead letters: the kept body goes through the same mapping into the inbox (a repeat of an
 * event already received changes nothing). The signature was checked when it came.
 */
@Configuration(proxyBeanMethods = false)
public class WebhookReplays {

    @Bean
    DeadLetterHandler nodeWebhookReplay(PartnerEventInbox inbox) {
        return handler(NodeRoutes.EVENT_SOURCE, envelope ->
                inbox.receiveFromPartner(NodeMessages.toPartnerEvent(envelope.partner(), envelope.body())));
    }

    @Bean
    DeadLetterHandler carrierWebhookReplay(PartnerEventInbox inbox) {
        return handler(CarrierRoutes.EVENT_SOURCE, envelope ->
                inbox.receiveFromPartner(CarrierMessages.toPartnerEvent(envelope.partner(), envelope.body())));
    }

    private static DeadLetterHandler handler(String source, Consumer<WebhookEnvelope> replay) {
        return new DeadLetterHandler() {
            @Override
            public String source() {
                return source;
            }

            @Override
            public void replay(String payload) {
                replay.accept(WebhookEnvelope.fromJson(payload));
            }
        };
    }
}
