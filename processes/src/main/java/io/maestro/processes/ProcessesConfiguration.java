package io.maestro.processes;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The order processes' delegates, listeners and correlation; absent where this node runs no engine (profile worker).
 * Application classes (a test's {@code @SpringBootApplication}) and test configurations are never picked up as
 * components of another context.
 */
@Configuration
@ConditionalOnProperty(name = "camunda.bpm.enabled", havingValue = "true", matchIfMissing = true)
@ComponentScan(excludeFilters = {
    @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class),
    @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
@EnableScheduling
@EnableConfigurationProperties(FulfillmentProperties.class)
public class ProcessesConfiguration {
}
