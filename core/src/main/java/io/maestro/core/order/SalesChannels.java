package io.maestro.core.order;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The sales channels Maestro takes orders from: every key under {@code maestro.channels} (e.g.
 * {@code maestro.channels.web.enabled: true}, or {@code MAESTRO_CHANNELS_TIKTOK_ENABLED=true}), upper-cased; a channel
 * whose {@code enabled} is {@code false} is not taken. Read once at start.
 */
@Component
public class SalesChannels {

    private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("maestro.channels");

    private final Set<String> channels;

    public SalesChannels(Environment environment) {
        Set<String> keys = new TreeSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream().filter(PREFIX::isAncestorOf).forEach(name -> keys.add(
                        name.getElement(PREFIX.getNumberOfElements(), ConfigurationPropertyName.Form.UNIFORM)));
            }
        }
        Set<String> enabled = new TreeSet<>();
        for (String key : keys) {
            if (environment.getProperty(PREFIX + "." + key + ".enabled", Boolean.class, true)) {
                enabled.add(key.toUpperCase(Locale.ROOT));
            }
        }
        this.channels = Set.copyOf(enabled);
    }

    public boolean isKnown(String channel) {
        return channel != null && channels.contains(channel);
    }

    /** The configured channels, sorted. */
    public Set<String> all() {
        return new TreeSet<>(channels);
    }
}
