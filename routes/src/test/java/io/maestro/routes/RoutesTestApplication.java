package io.maestro.routes;

import io.maestro.core.CoreConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Core, integrations and routes on a database with a web server (for the sandbox partners), for the route tests. */
@SpringBootApplication
@Import({CoreConfiguration.class, RoutesConfiguration.class})
public class RoutesTestApplication {
}
