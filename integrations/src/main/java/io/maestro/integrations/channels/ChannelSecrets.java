package io.maestro.integrations.channels;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The webhook secret of each channel: {@code maestro.channels.<channel>.secret} (channel in lower case), read from
 * the configuration once per channel.
 */
@Component
public class ChannelSecrets {

    private final Environment environment;
    private final Map<String, Optional<String>> secrets = new ConcurrentHashMap<>();

    public ChannelSecrets(Environment environment) {
        this.environment = environment;
    }

    public Optional<String> secretOf(String channel) {
        return secrets.computeIfAbsent(channel.toLowerCase(Locale.ROOT), key -> {
            String secret = environment.getProperty("maestro.channels." + key + ".secret");
            return secret == null || secret.isBlank() ? Optional.empty() : Optional.of(secret);
        });
    }
}
