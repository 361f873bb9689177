package io.maestro.workers.allocate;

import io.maestro.core.CoreConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Core and the allocation worker on a database, without Camunda. */
@SpringBootApplication
@Import(CoreConfiguration.class)
class AllocationTestApplication {
}
