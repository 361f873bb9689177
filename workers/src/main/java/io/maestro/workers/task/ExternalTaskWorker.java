package io.maestro.workers.task;

import io.maestro.workers.allocate.OrderAllocation;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.backoff.ExponentialErrorBackoffStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Polls the engine's REST API for the worker topics once the application is ready. The same code
 * serves in-process (the application's own engine) and standalone (a remote engine, more machines).
 * Each fetch long-polls; an empty answer is followed by the next fetch at once (the client's default backs off
 * up to a minute after empty answers, so the first order after a quiet spell waited that long). Only failed
 * fetches back off.
 */
@Component
@ConditionalOnProperty(name = "maestro.worker.enabled", havingValue = "true")
@EnableConfigurationProperties(WorkerProperties.class)
public class ExternalTaskWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExternalTaskWorker.class);

    private final WorkerProperties properties;
    private final OrderAllocation allocation;
    private final Optional<WorkerCredentials> credentials;
    private final Environment environment;
    private ExternalTaskClient client;
    private final List<ConcurrentTaskHandler> running = new ArrayList<>();

    public ExternalTaskWorker(WorkerProperties properties, OrderAllocation allocation,
                              Optional<WorkerCredentials> credentials, Environment environment) {
        this.properties = properties;
        this.allocation = allocation;
        this.credentials = credentials;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        String url = engineUrl();
        String apiKey = properties.apiKey() != null && !properties.apiKey().isBlank() ? properties.apiKey()
                : credentials.map(WorkerCredentials::apiKey).orElseThrow(() -> new IllegalStateException(
                        "maestro.worker.api-key is required for a worker against " + url));
        client = ExternalTaskClient.create()
                .baseUrl(url)
                .workerId(workerId())
                .maxTasks(properties.maxTasks())
                .asyncResponseTimeout(properties.longPollMillis())
                .backoffStrategy(new ExponentialErrorBackoffStrategy(500, 2, 10_000))
                .lockDuration(properties.lockMillis())
                .addInterceptor(request -> request.addHeader("X-Api-Key", apiKey))
                .build();
        List<AllocationTaskHandler> handlers = List.of(new AllocateOrderHandler(allocation, properties.retries()),
                new ReallocateOrderHandler(allocation, properties.retries()));
        for (AllocationTaskHandler handler : handlers) {
            ConcurrentTaskHandler concurrent = new ConcurrentTaskHandler(handler.topic(), handler, properties.threads(),
                    properties.maxTasks());
            running.add(concurrent);
            client.subscribe(handler.topic()).handler(concurrent).open();
        }
        log.info("External-task worker {} polls {} for topics {} with {} threads each", workerId(), url,
                handlers.stream().map(AllocationTaskHandler::topic).toList(), properties.threads());
    }

    @Override
    public synchronized void destroy() {
        if (client != null) {
            client.stop();
        }
        for (ConcurrentTaskHandler handler : running) {
            try {
                handler.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String engineUrl() {
        if (properties.engineUrl() != null && !properties.engineUrl().isBlank()) {
            return properties.engineUrl();
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port + environment.getProperty("server.servlet.context-path", "") + "/engine-rest";
    }

    private static String workerId() {
        try {
            return "maestro-worker@" + InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
        } catch (UnknownHostException e) {
            return "maestro-worker-" + ProcessHandle.current().pid();
        }
    }
}
