package io.maestro.integrations.sandbox;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The sandbox partners' clock: things they do "after a day" happen after {@code maestro.sandbox.speed} seconds,
 * on {@value #THREADS} threads (many partners answer at the same time) that stop with the application.
 */
@Component
public class SimulatedTime implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SimulatedTime.class);
    static final int THREADS = 8;

    private final SandboxProperties properties;
    private final ScheduledExecutorService scheduler;

    public SimulatedTime(SandboxProperties properties) {
        this.properties = properties;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "sandbox-partners");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.scheduler = executor;
    }

    /** Runs the task after that many simulated days. */
    public void after(double days, Runnable task) {
        if (scheduler.isShutdown()) {
            return;
        }
        long millis = Math.max(0, Math.round(days * properties.getSpeed() * 1000));
        scheduler.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Sandbox partner task failed: {}", e.toString());
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }
}
