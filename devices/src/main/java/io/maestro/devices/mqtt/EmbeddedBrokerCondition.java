package io.maestro.devices.mqtt;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Devices are on, and no external broker is configured ({@code maestro.mqtt.url} missing or blank). */
class EmbeddedBrokerCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("maestro.mqtt.url", "");
        boolean enabled = context.getEnvironment().getProperty("maestro.mqtt.enabled", Boolean.class, true);
        return enabled && url.isBlank();
    }
}
