package io.maestro.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port with demo data on an in-memory H2 database; the sandbox partners
 * answer at once (a simulated day is 50 ms) and never reject. Every test
 * class with this annotation shares one running application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Metrics are exported as in production (/actuator/prometheus); Spring Boot's tests leave them out otherwise.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:maestro-app;DB_CLOSE_DELAY=-1",
    "maestro.data-dir=target/test-data", "maestro.sandbox.speed=0.05", "maestro.sandbox.rejection-rate=0",
    "maestro.sandbox.delay-rate=0", "maestro.fulfillment.partner-event-poll-millis=200", "maestro.mqtt.port=0"})
public @interface MaestroTest {
}
