package io.maestro.workers.task;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.maestro.workers.allocate.AllocationContentionException;
import io.maestro.workers.allocate.AllocationOutcome;
import io.maestro.workers.allocate.OrderAllocation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.client.exception.RestException;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

/** What the allocation handler tells the engine when an allocation fails: contention keeps the task's retries. */
class AllocationTaskHandlerTest {

    private final OrderAllocation allocation = mock(OrderAllocation.class);
    private final ExternalTask task = mock(ExternalTask.class);
    private final ExternalTaskService service = mock(ExternalTaskService.class);
    private final AllocateOrderHandler handler = new AllocateOrderHandler(allocation, 3);

    @BeforeEach
    void aTaskWithTwoRetriesLeft() {
        when(task.getBusinessKey()).thenReturn("ORD-1");
        when(task.getId()).thenReturn("task-1");
        when(task.getRetries()).thenReturn(2);
        when(task.getAllVariables()).thenReturn(Map.of());
    }

    @Test
    void aDeadlockThatOutlivedTheAllocationsRetriesKeepsTheTasksRetries() {
        when(allocation.allocate(eq("ORD-1"), eq("task-1"), anySet(), anyMap()))
                .thenThrow(new CannotAcquireLockException("ERROR: deadlock detected"));

        handler.execute(task, service);

        verify(service).handleFailure(eq(task), anyString(), anyString(), eq(2), anyLong());
    }

    @Test
    void stockTakenByOtherOrdersAgainAndAgainKeepsThemToo() {
        when(allocation.allocate(eq("ORD-1"), eq("task-1"), anySet(), anyMap()))
                .thenThrow(new AllocationContentionException("Other orders took the planned stock 3 times", null));

        handler.execute(task, service);

        verify(service).handleFailure(eq(task), anyString(), anyString(), eq(2), anyLong());
    }

    @Test
    void aRealFailureUsesOneUp() {
        when(allocation.allocate(eq("ORD-1"), eq("task-1"), anySet(), anyMap())).thenThrow(new IllegalStateException("a bug"));

        handler.execute(task, service);

        verify(service).handleFailure(eq(task), anyString(), anyString(), eq(1), anyLong());
    }

    @Test
    void aCompletionTheEngineRefusedForABusyInstanceIsSentAgain() {
        when(allocation.allocate(eq("ORD-1"), eq("task-1"), anySet(), anyMap())).thenReturn(new AllocationOutcome("ORD-1",
                "task-1", List.of(), 0, 0, BigDecimal.ZERO, "nothing to do", false));
        RestException busy = new RestException("Entity was updated by another transaction concurrently",
                "OptimisticLockingException", 1);
        doThrow(busy).doNothing().when(service).complete(eq(task), anyMap());

        handler.execute(task, service);

        verify(service, times(2)).complete(eq(task), anyMap());
        verify(service, never()).handleFailure(any(ExternalTask.class), anyString(), anyString(), anyInt(), anyLong());
    }
}
