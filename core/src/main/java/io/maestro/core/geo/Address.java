package io.maestro.core.geo;

/** A postal address; {@code country} is ISO 3166 alpha-2. */
public record Address(String name, String line1, String line2, String city, String region, String postalCode, String country) {
}
