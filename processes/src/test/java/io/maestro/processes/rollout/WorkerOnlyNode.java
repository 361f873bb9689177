package io.maestro.processes.rollout;

import io.maestro.core.CoreConfiguration;
import io.maestro.workers.WorkersConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * A node that runs no engine (the beans of profile {@code worker}: core and the workers, no processes) on a test's
 * database, beside the test's engine node.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({CoreConfiguration.class, WorkersConfiguration.class})
public class WorkerOnlyNode {

    public static ConfigurableApplicationContext start(String databaseUrl) {
        return new SpringApplicationBuilder(WorkerOnlyNode.class).web(WebApplicationType.NONE).run(
                "--spring.main.banner-mode=off", "--spring.datasource.url=" + databaseUrl, "--camunda.bpm.enabled=false",
                "--maestro.worker.enabled=false");
    }
}
