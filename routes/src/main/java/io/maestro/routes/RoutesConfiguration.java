package io.maestro.routes;

import io.maestro.integrations.IntegrationsConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The Camel routes, the gateways core's ports are implemented by, and the partner webhooks. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import(IntegrationsConfiguration.class)
public class RoutesConfiguration {
}
