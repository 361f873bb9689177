package io.maestro.core.carrier;

import java.util.Optional;

/** Carrier service levels, slowest first. */
public enum ServiceLevel {
    GROUND, TWO_DAY, OVERNIGHT;

    public boolean atLeast(ServiceLevel minimum) {
        return minimum == null || ordinal() >= minimum.ordinal();
    }

    public static Optional<ServiceLevel> named(String name) {
        for (ServiceLevel level : values()) {
            if (level.name().equals(name)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
