package io.maestro.core.command;

/** What an operator or a channel asks of a running order. */
public enum CommandType {
    CANCEL, CHANGE, HOLD, RELEASE, CANCEL_LINES
}
