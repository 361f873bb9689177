package io.maestro.app;

import io.maestro.core.CoreConfiguration;
import io.maestro.devices.DevicesConfiguration;
import io.maestro.processes.ProcessesConfiguration;
import io.maestro.routes.RoutesConfiguration;
import io.maestro.workers.WorkersConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Maestro: core, processes, routes and devices assembled into one application. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({CoreConfiguration.class, WorkersConfiguration.class, ProcessesConfiguration.class, RoutesConfiguration.class,
    DevicesConfiguration.class})
public class MaestroApplication {

    public static void main(String[] args) {
        SpringApplication.run(MaestroApplication.class, args);
    }
}
