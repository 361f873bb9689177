package io.maestro.core;

/** The outcome of an upsert: the stored value and whether it was new. */
public record Saved<T>(T value, boolean created) {
}
