package io.maestro.core.command;

/** A {@code commandId} sent again with other content (another order, command or payload). Nothing changed. */
public class CommandIdConflictException extends RuntimeException {

    private final String commandId;

    public CommandIdConflictException(String commandId) {
        super("commandId " + commandId + " was already used for a different command");
        this.commandId = commandId;
    }

    public String commandId() {
        return commandId;
    }
}
