package io.maestro.processes.pickup;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The store-pickup process's settings. */
@Configuration
@EnableConfigurationProperties(PickupProperties.class)
public class PickupConfiguration {
}
