package io.maestro.devices.gateway;

import io.maestro.core.testing.PostgresProfile;
import io.maestro.devices.DevicesTestApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = DevicesTestApplication.class)
class DeviceEventsPostgresTest extends DeviceEventsContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresProfile.register(registry);
    }
}
