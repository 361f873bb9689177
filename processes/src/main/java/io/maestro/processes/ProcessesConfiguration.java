package io.maestro.processes;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The order processes' delegates, listeners and correlation; absent where this node runs no engine (profile worker). */
@Configuration
@ConditionalOnProperty(name = "camunda.bpm.enabled", havingValue = "true", matchIfMissing = true)
// Test applications of the module's packages configure themselves; never scan them into another context.
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@EnableScheduling
@EnableConfigurationProperties(FulfillmentProperties.class)
public class ProcessesConfiguration {
}
