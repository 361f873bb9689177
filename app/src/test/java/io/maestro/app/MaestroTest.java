package io.maestro.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port with demo data on an in-memory H2 database. Every test
 * class with this annotation shares one running application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:maestro-app;DB_CLOSE_DELAY=-1",
    "maestro.data-dir=target/test-data",
    "maestro.mqtt.port=0"})
public @interface MaestroTest {
}
