package io.maestro.core.order;

public record ShipmentLine(int lineNo, String sku, int quantity) {
}
