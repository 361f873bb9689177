package io.maestro.devices;

import io.maestro.devices.mqtt.MqttSettings;
import io.maestro.devices.mqtt.PersistentSessionMqttComponent;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Component;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Warehouse devices over MQTT (broker, route, gateway to the ledger), for the application to import. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = {"io.maestro.devices.mqtt", "io.maestro.devices.gateway"})
@EnableConfigurationProperties(MqttSettings.class)
public class DevicesConfiguration {

    /** {@code paho-mqtt5} endpoints with a consumer that loses nothing when a persistent session resumes. */
    @Bean("paho-mqtt5")
    PahoMqtt5Component pahoMqtt5() {
        return new PersistentSessionMqttComponent();
    }
}
