package io.maestro.core.order;

public record Customer(String id, CustomerTier tier, String email) {
}
