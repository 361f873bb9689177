package io.maestro.routes;

import io.maestro.integrations.Json;

/** A partner's webhook body as it came, with the partner it came from: what its dead letter keeps for a replay. */
public record WebhookEnvelope(String partner, String body) {

    public static WebhookEnvelope of(String partner, String body) {
        return new WebhookEnvelope(partner, body);
    }

    public static WebhookEnvelope fromJson(String json) {
        return Json.read(json, WebhookEnvelope.class);
    }

    public String toJson() {
        return Json.write(this);
    }
}
