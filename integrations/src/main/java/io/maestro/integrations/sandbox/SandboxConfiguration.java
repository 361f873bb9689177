package io.maestro.integrations.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The sandbox partners under {@code /sandbox/**}: carriers SWIFT, THRIFT and GREENLINE, the node systems (WMS, 3PL,
 * stores), a mail server. On in a web application unless {@code maestro.sandbox.enabled=false} (the {@code postgres}
 * profile).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnProperty(prefix = "maestro.sandbox", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(SandboxProperties.class)
@ComponentScan
public class SandboxConfiguration {
}
