package io.maestro.processes.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/** A test on {@link ProcessesTestApplication}: every class with it shares one context (engine, H2, partners). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ProcessesTestApplication.class)
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:processes-delegates;DB_CLOSE_DELAY=-1",
    "spring.flyway.baseline-on-migrate=true", "spring.flyway.baseline-version=0",
    "camunda.bpm.job-execution.enabled=false", "camunda.bpm.history-level=full",
    "camunda.bpm.generic-properties.properties.historyTimeToLive=P180D",
    "camunda.bpm.deployment-resource-pattern=classpath*:bpmn/*.bpmn,classpath*:dmn/*.dmn",
    "maestro.worker.enabled=false", "maestro.fulfillment.start-processes=false", "maestro.returns.centre-node=DC-OLEAN"})
public @interface ProcessesSpringTest {
}
