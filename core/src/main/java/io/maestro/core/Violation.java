package io.maestro.core;

/** One thing wrong with a request: the field path (e.g. {@code lines[2].sku}) and what is wrong with it. */
public record Violation(String field, String message) {
}
