package io.maestro.devices;

import io.maestro.core.CoreConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Core and devices alone on a database with the embedded broker, for the devices tests and benchmark. */
@SpringBootApplication(scanBasePackages = "io.maestro.devices.none")
@Import({CoreConfiguration.class, DevicesConfiguration.class})
public class DevicesTestApplication {
}
