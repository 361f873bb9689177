package io.maestro.core.returns;

/** The return as stored; {@code created} is false when the same return id had been reported before. */
public record ReturnResult(CustomerReturn customerReturn, boolean created) {
}
