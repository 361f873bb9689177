package io.maestro.workers.task;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tasks of one fetch side by side on {@code threads} threads: the Camunda client calls its handler
 * one task after the other, so a fetch of ten tasks would otherwise wait for ten allocations in a row. When
 * every thread is busy and {@code queue} tasks wait, the client's own thread runs the next task, which holds
 * back the next fetch: a worker never locks more tasks than it can work on before their locks expire.
 */
final class ConcurrentTaskHandler implements ExternalTaskHandler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentTaskHandler.class);

    private final String topic;
    private final ExternalTaskHandler handler;
    private final ThreadPoolExecutor pool;

    ConcurrentTaskHandler(String topic, ExternalTaskHandler handler, int threads, int queue) {
        this.topic = topic;
        this.handler = handler;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(Math.max(1, queue)),
                runnable -> {
                    Thread thread = new Thread(runnable, "worker-" + topic + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        pool.execute(() -> {
            try {
                handler.execute(task, service);
            } catch (RuntimeException e) {
                // What the client's own thread would have logged: e.g. the engine unreachable while reporting a failure.
                log.warn("Task {} of topic {} could not be completed or reported; unless the engine took it, it is fetched "
                        + "again when its lock expires",
                        task == null ? null : task.getId(), topic, e);
            }
        });
    }

    /** Lets the tasks already taken finish (their locks would otherwise have to expire first). */
    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }
}
