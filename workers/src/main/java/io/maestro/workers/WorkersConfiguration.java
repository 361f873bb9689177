package io.maestro.workers;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The workers' Spring side (allocation through core, external-task worker), for the application to import. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = {"io.maestro.workers.allocate", "io.maestro.workers.task",
    "io.maestro.workers.forecast.demand"})
public class WorkersConfiguration {
}
