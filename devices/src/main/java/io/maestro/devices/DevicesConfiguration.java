package io.maestro.devices;

import io.maestro.devices.mqtt.MqttSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Warehouse devices over MQTT (broker, route, gateway to the ledger), for the application to import. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = {"io.maestro.devices.mqtt", "io.maestro.devices.gateway"})
@EnableConfigurationProperties(MqttSettings.class)
public class DevicesConfiguration {
}
