package io.maestro.workers.task;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The external-task worker ({@code maestro.worker.*}).
 *
 * @param enabled      poll the engine for work
 * @param engineUrl    engine REST base URL; empty: this application's own {@code /engine-rest}
 * @param apiKey       API key (role INTEGRATION) for the engine REST; empty: a key issued by this application
 * @param maxTasks     tasks fetched per poll
 * @param lockMillis   how long a fetched task stays locked to this worker
 * @param retries      attempts of a task that fails for a technical reason, before it becomes an incident
 * @param threads      tasks worked on at the same time per topic (default: the machine's cores)
 * @param longPollMillis how long one fetch waits at the engine for a task to appear. The engine answers at once
 *                     when a task is created in its own JVM; a task created by another node of the cluster is
 *                     seen at the next fetch, so this bounds how long it can wait
 */
@ConfigurationProperties("maestro.worker")
public record WorkerProperties(boolean enabled, String engineUrl, String apiKey, int maxTasks, long lockMillis,
                               int retries, int threads, long longPollMillis) {

    public WorkerProperties {
        maxTasks = maxTasks <= 0 ? 10 : maxTasks;
        lockMillis = lockMillis <= 0 ? 60_000 : lockMillis;
        retries = retries <= 0 ? 3 : retries;
        threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        longPollMillis = longPollMillis <= 0 ? 1_000 : longPollMillis;
    }
}
