package io.maestro.core.command;

/**
 * Where a command stands: RECEIVED is stored and waiting to be applied (the order's process was busy),
 * APPLIED took effect on the order, REFUSED could not, with the reason.
 */
public enum CommandStatus {
    RECEIVED, APPLIED, REFUSED
}
