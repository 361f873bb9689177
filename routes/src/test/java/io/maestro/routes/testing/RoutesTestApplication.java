package io.maestro.routes.testing;

import io.maestro.core.CoreConfiguration;
import io.maestro.routes.RoutesConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Core, the routes, the integrations and the sandbox partners on an H2 database and a web server. */
@SpringBootApplication
@Import({CoreConfiguration.class, RoutesConfiguration.class})
public class RoutesTestApplication {
}
