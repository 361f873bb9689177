package io.maestro.workers.allocation.model;

/** What one carrier service costs for one parcel, how long it takes and what it emits. */
public record ServiceQuote(String carrier, Service service, double price, int transitDays, double co2Kg) {
}
