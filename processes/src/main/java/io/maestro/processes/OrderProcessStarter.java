package io.maestro.processes;

import io.maestro.core.order.OrderAccepted;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Starts {@code order-fulfillment} for every accepted order, inside the intake transaction: the order and
 * its process commit or roll back together. Business key = order id, and the process starts without variables:
 * with history full every variable costs three rows in the intake transaction. {@code Task_LoadOrderFacts} loads
 * what the steps read from core by the business key (and sets {@code orderId} for the forms and the called
 * processes); the cancel and change event subprocesses read the business key.
 *
 * <p>It starts the latest version by its definition id, looked up again every {@link #LATEST_VERSION_CHECK} (and at
 * once after this engine deployed a new version): a start by key queries the latest version for every order. A version
 * deployed through another node applies to the orders accepted here at most that long after.
 */
@Component
public class OrderProcessStarter {

    public static final String PROCESS = "order-fulfillment";
    static final Duration LATEST_VERSION_CHECK = Duration.ofSeconds(5);

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final FulfillmentProperties properties;
    private final OrderProcessVersions versions;
    private volatile Latest latest;

    private record Latest(String definitionId, int parsed, long checkedAtNanos) {
    }

    public OrderProcessStarter(RuntimeService runtime, RepositoryService repository, FulfillmentProperties properties,
                               OrderProcessVersions versions) {
        this.runtime = runtime;
        this.repository = repository;
        this.properties = properties;
        this.versions = versions;
    }

    @EventListener
    public void start(OrderAccepted accepted) {
        if (properties.startProcesses()) {
            runtime.startProcessInstanceById(latestDefinitionId(), accepted.orderId());
        }
    }

    private String latestDefinitionId() {
        Latest known = latest;
        int parsed = versions.parsed();
        long now = System.nanoTime();
        if (known == null || known.parsed() != parsed
                || now - known.checkedAtNanos() > LATEST_VERSION_CHECK.toNanos()) {
            ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS)
                    .withoutTenantId().latestVersion().singleResult();
            if (definition == null) {
                throw new IllegalStateException("process " + PROCESS + " is not deployed");
            }
            known = new Latest(definition.getId(), parsed, now);
            latest = known;
        }
        return known.definitionId();
    }
}
