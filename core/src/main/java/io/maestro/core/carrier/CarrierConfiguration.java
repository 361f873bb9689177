package io.maestro.core.carrier;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The carrier model of this deployment: the rate cards in {@code maestro.carriers.rate-cards} (a directory of
 * files in the {@link RateCardFiles} format), or the demo carriers' cards when it is empty. Invalid files stop
 * the start with every problem listed.
 */
@Configuration(proxyBeanMethods = false)
public class CarrierConfiguration {

    @Bean
    CarrierModel carrierModel(@Value("${maestro.carriers.rate-cards:}") String directory) {
        return directory.isBlank() ? CarrierModel.demo() : RateCardFiles.fromDirectory(Path.of(directory));
    }
}
