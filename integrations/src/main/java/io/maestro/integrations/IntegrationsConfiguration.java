package io.maestro.integrations;

import io.maestro.integrations.notifications.NotificationProperties;
import io.maestro.integrations.sandbox.SandboxConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/** Contracts, mapping and settings of the outside systems; the sandbox partners when they are enabled. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PartnerProperties.class, NotificationProperties.class})
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "io\\.maestro\\.integrations\\.sandbox\\..*"))
@Import(SandboxConfiguration.class)
public class IntegrationsConfiguration {
}
