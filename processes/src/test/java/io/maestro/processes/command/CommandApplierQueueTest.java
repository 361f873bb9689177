package io.maestro.processes.command;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.maestro.core.StateConflictException;
import io.maestro.core.command.CommandStatus;
import io.maestro.core.command.CommandType;
import io.maestro.core.command.OrderCommand;
import io.maestro.core.command.OrderCommandLog;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderService;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

/** A command whose process stays busy is queued (202) only when the order's state does not already rule it out. */
class CommandApplierQueueTest {

    private final OrderCommandLog commands = mock(OrderCommandLog.class);
    private final OrderService orders = mock(OrderService.class);
    private final CommandHandler handler = mock(CommandHandler.class);
    private final Order order = mock(Order.class);
    private final OrderCommand received = new OrderCommand("c-1", "ORD-1", CommandType.CHANGE, "{}", "h", "operator",
            CommandStatus.RECEIVED, null, 0, OffsetDateTime.now(), null, null);
    private CommandApplier applier;

    @BeforeEach
    void busyProcess() {
        when(handler.type()).thenReturn(CommandType.CHANGE);
        when(commands.find("c-1")).thenReturn(Optional.of(received));
        when(commands.lockReceived("c-1")).thenReturn(Optional.of(received));
        when(orders.get("ORD-1")).thenReturn(order);
        when(handler.apply(any(), anyMap(), any())).thenThrow(new OptimisticLockingException("ENGINE-03005"));
        applier = new CommandApplier(commands, orders, List.of(handler), mock(PlatformTransactionManager.class));
    }

    @Test
    void whatTheStateRulesOutIsRefusedAtOnceNotQueued() {
        doThrow(new StateConflictException("Shipment S-1 is already RELEASED at DC-OLEAN")).when(handler)
                .check(any(), anyMap(), any());

        applier.apply("c-1");

        verify(commands).decide(eq("c-1"), eq(CommandStatus.REFUSED), contains("already RELEASED"));
        verify(commands, never()).attempted(anyString());
    }

    @Test
    void whatTheStateAllowsIsQueued() {
        applier.apply("c-1");

        verify(commands).attempted("c-1");
        verify(commands, never()).decide(anyString(), any(), any());
    }
}
