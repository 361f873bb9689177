package io.maestro.processes.fulfillment;

import io.maestro.core.CoreConfiguration;
import io.maestro.processes.ProcessesConfiguration;
import io.maestro.processes.testing.InTestPartners;
import io.maestro.workers.WorkersConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Core, the allocation and the processes on H2 with a Camunda engine; partners that remember what they were told. */
@SpringBootApplication
@Import({CoreConfiguration.class, WorkersConfiguration.class, ProcessesConfiguration.class, InTestPartners.class})
public class FulfillmentTestApplication {
}
