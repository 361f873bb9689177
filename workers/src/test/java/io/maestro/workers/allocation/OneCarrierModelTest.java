package io.maestro.workers.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.workers.allocation.cost.CarrierRateCard;
import io.maestro.workers.allocation.model.RateCard;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Allocation prices shipping only through core's carrier model: every production class that prices a parcel
 * (implements {@link RateCard}) is {@link CarrierRateCard}; the literature card is the benchmark's alone (in
 * the test sources).
 */
class OneCarrierModelTest {

    @Test
    void everyRateCardOfTheWorkersIsTheCarrierModel() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(CarrierRateCard.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(classes::relativize).map(Path::toString).filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .toList();
        }
        assertThat(names).contains(CarrierRateCard.class.getName());
        List<String> pricing = new java.util.ArrayList<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            if (RateCard.class.isAssignableFrom(type) && !type.isInterface()) {
                pricing.add(type.getName().replaceAll("\\$\\d+$", ""));
            }
        }
        assertThat(pricing).as("classes pricing parcels outside core's carrier model")
                .allMatch(n -> n.equals(CarrierRateCard.class.getName()) || n.equals(RateCard.class.getName()));
    }
}
