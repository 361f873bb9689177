package io.maestro.processes.testing;

import io.maestro.core.CoreConfiguration;
import io.maestro.processes.ProcessesConfiguration;
import io.maestro.workers.WorkersConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Core, the allocation and the processes with their engine on an in-memory H2, partners played by
 * {@link InTestPartners}: where delegates are tested against the real domain. Job executor off: tests run jobs.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({CoreConfiguration.class, WorkersConfiguration.class, ProcessesConfiguration.class, InTestPartners.class})
public class ProcessesTestApplication {
}
