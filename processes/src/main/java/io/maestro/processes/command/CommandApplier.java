package io.maestro.processes.command;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.StateConflictException;
import io.maestro.core.command.CommandStatus;
import io.maestro.core.command.CommandType;
import io.maestro.core.command.OrderCommand;
import io.maestro.core.command.OrderCommandLog;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a stored command to its order in one transaction: the order row is locked (so commands of one order
 * never interleave), the command's handler runs, and the command is marked APPLIED with a timeline entry, all
 * committed together. A refusal (or any failure other than a busy process) rolls that back and marks the command
 * REFUSED with the reason instead, so no command is left without an outcome. A busy
 * process (optimistic locking, deadlock, serialization failure) is tried again a few times; a command still
 * undecided then is refused at once if the order's state already rules it out, else it is queued (stays RECEIVED,
 * {@code queuedAt} set) for {@link WaitingCommands} to apply. A queued command the process has moved past by then
 * is refused with a timeline entry that says it had been queued.
 */
@Service
public class CommandApplier {

    static final int ATTEMPTS = 6;
    private static final Logger log = LoggerFactory.getLogger(CommandApplier.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OrderCommandLog commands;
    private final OrderService orders;
    private final Map<CommandType, CommandHandler> handlers = new EnumMap<>(CommandType.class);
    private final TransactionTemplate transaction;

    CommandApplier(OrderCommandLog commands, OrderService orders, List<CommandHandler> handlers,
                   PlatformTransactionManager transactions) {
        this.commands = commands;
        this.orders = orders;
        handlers.forEach(h -> this.handlers.put(h.type(), h));
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Applies the command unless it is decided already; returns it as it stands afterwards. */
    public OrderCommand apply(String commandId) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                transaction.executeWithoutResult(status -> decide(commandId));
                return find(commandId);
            } catch (RuntimeException e) {
                Optional<StateConflictException> refusal = cause(e, StateConflictException.class);
                if (refusal.isPresent()) {
                    refuse(commandId, refusal.get().getMessage());
                    return find(commandId);
                }
                if (!busy(e)) {
                    log.warn("Command {} could not be applied", commandId, e);
                    refuse(commandId, "could not be applied: " + e.getMessage());
                    return find(commandId);
                }
                log.debug("Command {} met a busy process (attempt {}): {}", commandId, attempt, e.toString());
                pause(attempt);
            }
        }
        Optional<String> ruledOut = ruledOut(commandId);
        if (ruledOut.isPresent()) {
            refuse(commandId, ruledOut.get());
            return find(commandId);
        }
        transaction.executeWithoutResult(status -> commands.attempted(commandId));
        log.info("Command {} is queued: the order's process stayed busy", commandId);
        return find(commandId);
    }

    /**
     * Before a command is queued (and answered 202): the reason the order's state as it stands already rules it out,
     * read without touching the process, so a 202 is never given for what can be refused now.
     */
    private Optional<String> ruledOut(String commandId) {
        try {
            return transaction.execute(status -> commands.find(commandId)
                    .filter(command -> command.status() == CommandStatus.RECEIVED)
                    .flatMap(command -> {
                        try {
                            handlers.get(command.type()).check(command, payload(command), orders.get(command.orderId()));
                            return Optional.empty();
                        } catch (StateConflictException e) {
                            return Optional.of(e.getMessage());
                        }
                    }));
        } catch (RuntimeException e) {
            log.debug("Command {} could not be checked before queueing: {}", commandId, e.toString());
            return Optional.empty();
        }
    }

    private void decide(String commandId) {
        Optional<OrderCommand> locked = commands.lockReceived(commandId);
        if (locked.isEmpty()) {
            return;
        }
        OrderCommand command = locked.get();
        commands.lockAndCheckCancelled(command.orderId());
        Order order = orders.get(command.orderId());
        String outcome = handlers.get(command.type()).apply(command, payload(command), order);
        commands.decide(commandId, CommandStatus.APPLIED, outcome);
        orders.record(command.orderId(), command.type() + "_APPLIED", command.actor(), outcome,
                Map.of("commandId", commandId, "command", command.type().name()));
    }

    private void refuse(String commandId, String reason) {
        transaction.executeWithoutResult(status -> commands.lockReceived(commandId).ifPresent(command -> {
            commands.decide(commandId, CommandStatus.REFUSED, reason);
            Map<String, Object> details = new HashMap<>();
            details.put("commandId", commandId);
            details.put("command", command.type().name());
            if (command.queuedAt() != null) {
                details.put("queuedAt", command.queuedAt().toString());
            }
            orders.record(command.orderId(), command.type() + "_REFUSED", command.actor(), command.queuedAt() == null
                    ? reason : "queued at " + command.queuedAt() + " (answered 202), refused when applied: " + reason,
                    details);
        }));
    }

    private OrderCommand find(String commandId) {
        return commands.find(commandId).orElseThrow(() -> new IllegalStateException("Command " + commandId + " vanished"));
    }

    private static Map<String, Object> payload(OrderCommand command) {
        try {
            return JSON.readValue(command.payload(), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Optimistic locking in the engine, a deadlock, a lock wait or a serialization failure in the database. */
    static boolean busy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("40") || sql.getSQLState().equals("HYT00")
                    || sql.getSQLState().equals("55P03"))) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
