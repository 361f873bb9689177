package io.maestro.devices.gateway;

import io.maestro.devices.DevicesTestApplication;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DevicesTestApplication.class)
class DeviceEventsH2Test extends DeviceEventsContract {
}
