package io.maestro.routes;

import io.maestro.integrations.IntegrationsConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The Camel routes and the partner gateways they implement, with the integrations they map through. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import(IntegrationsConfiguration.class)
public class RoutesConfiguration {
}
