package io.maestro.processes.returns;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The customer-return process's settings. */
@Configuration
@EnableConfigurationProperties(ReturnsProperties.class)
public class ReturnsConfiguration {
}
