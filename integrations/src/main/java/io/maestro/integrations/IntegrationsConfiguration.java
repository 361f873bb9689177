package io.maestro.integrations;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Message contracts, mapping and sandbox partners of every outside system, for the application to import. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class IntegrationsConfiguration {
}
