package io.maestro.core.order;

/**
 * Published inside the intake transaction of a new order. The processes module starts the order's
 * process from it, so the order and its process commit (or roll back) together.
 */
public record OrderAccepted(String orderId, String channel) {
}
