package io.maestro.processes.command;

import io.maestro.core.command.OrderCommandLog;
import io.maestro.core.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies commands stored but not decided yet: those queued because the order's process stayed busy, and any
 * the JVM stopped before applying (so they are applied after a restart).
 */
@Component
public class WaitingCommands {

    private static final Logger log = LoggerFactory.getLogger(WaitingCommands.class);
    private static final int BATCH = 50;

    private final OrderCommandLog commands;
    private final CommandApplier applier;
    private final Database db;

    WaitingCommands(OrderCommandLog commands, CommandApplier applier, Database db) {
        this.commands = commands;
        this.applier = applier;
        this.db = db;
    }

    @Scheduled(fixedDelayString = "${maestro.commands.poll-millis:1000}")
    public void applyWaiting() {
        for (String commandId : commands.waiting(db.now().minusSeconds(1), BATCH)) {
            try {
                applier.apply(commandId);
            } catch (RuntimeException e) {
                log.warn("Command {} could not be applied yet", commandId, e);
            }
        }
    }
}
