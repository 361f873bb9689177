package io.maestro.workers.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentTaskHandlerTest {

    @Test
    void tasksOfOneFetchRunSideBySide() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try (ConcurrentTaskHandler handler = new ConcurrentTaskHandler("allocate-order", (task, service) -> {
            bothStarted.countDown();
            await(release);
        }, 2, 2)) {
            handler.execute(null, null);
            handler.execute(null, null);

            assertThat(bothStarted.await(10, TimeUnit.SECONDS)).as("the second task starts while the first still runs").isTrue();
            release.countDown();
        }
    }

    @Test
    void whenEveryThreadIsBusyAndTheQueueFullTheFetchingThreadRunsTheTaskItself() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> threads = new CopyOnWriteArrayList<>();
        try (ConcurrentTaskHandler handler = new ConcurrentTaskHandler("allocate-order", (task, service) -> {
            threads.add(Thread.currentThread().getName());
            if (Thread.currentThread().getName().startsWith("worker-")) {
                await(release);
            }
        }, 1, 1)) {
            handler.execute(null, null);
            handler.execute(null, null);
            handler.execute(null, null);

            assertThat(threads).contains(Thread.currentThread().getName());
            release.countDown();
        }
        assertThat(threads).hasSize(3).filteredOn(name -> name.startsWith("worker-allocate-order-")).hasSize(2);
    }

    @Test
    void aTaskThatThrowsIsLoggedAndItsThreadWorksTheNextTask() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch both = new CountDownLatch(2);
        try (ConcurrentTaskHandler handler = new ConcurrentTaskHandler("allocate-order", (task, service) -> {
            threads.add(Thread.currentThread().getName());
            both.countDown();
            if (threads.size() == 1) {
                throw new IllegalStateException("engine unreachable while reporting a failure");
            }
        }, 1, 1)) {
            handler.execute(null, null);
            handler.execute(null, null);
            assertThat(both.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(threads).containsExactly("worker-allocate-order-1", "worker-allocate-order-1");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
