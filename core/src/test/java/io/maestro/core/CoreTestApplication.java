package io.maestro.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Core alone on a database, for core's tests. */
@SpringBootApplication
@Import(CoreConfiguration.class)
public class CoreTestApplication {
}
