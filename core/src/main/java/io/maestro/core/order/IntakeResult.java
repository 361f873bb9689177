package io.maestro.core.order;

/** The accepted order; {@code created} is false when the channel had sent this order before. */
public record IntakeResult(Order order, boolean created) {
}
