package io.maestro.integrations.channels;

import java.util.Locale;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The webhook secret of each channel: {@code maestro.channels.<channel>.secret} (channel in lower case). */
@Component
public class ChannelSecrets {

    private final Environment environment;

    public ChannelSecrets(Environment environment) {
        this.environment = environment;
    }

    public Optional<String> secretOf(String channel) {
        String secret = environment.getProperty("maestro.channels." + channel.toLowerCase(Locale.ROOT) + ".secret");
        return secret == null || secret.isBlank() ? Optional.empty() : Optional.of(secret);
    }
}
