package io.maestro.processes;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * Timings of the order processes (maestro.fulfillment.*).
 *
 * @param startProcesses         start {@code order-fulfillment} for every accepted order
 * @param backorderRetry         how long a backordered order waits before allocating again without a stock signal
 * @param nodeAcceptanceSla      how long a node of each type has to accept or reject a release
 * @param pickupReminderAfter    when a customer who has not picked up is reminded
 * @param pickupNoShowAfter      when an uncollected pickup is cancelled and its stock returned
 * @param partnerEventRetry      pause between attempts to hand a partner event to a process not waiting for it yet
 * @param partnerEventAttempts   attempts before such an event is marked FAILED for an operator
 */
@ConfigurationProperties("maestro.fulfillment")
public record FulfillmentProperties(Boolean startProcesses, Duration backorderRetry, Map<String, Duration> nodeAcceptanceSla,
                                    Duration pickupReminderAfter, Duration pickupNoShowAfter, Duration partnerEventRetry,
                                    Integer partnerEventAttempts) {

    public FulfillmentProperties {
        startProcesses = startProcesses == null || startProcesses;
        backorderRetry = backorderRetry == null ? Duration.ofHours(1) : backorderRetry;
        nodeAcceptanceSla = nodeAcceptanceSla == null ? Map.of("STORE", Duration.ofHours(2), "DC", Duration.ofMinutes(30),
                "THREE_PL", Duration.ofHours(1), "DROPSHIPPER", Duration.ofHours(4)) : Map.copyOf(nodeAcceptanceSla);
        pickupReminderAfter = pickupReminderAfter == null ? Duration.ofDays(3) : pickupReminderAfter;
        pickupNoShowAfter = pickupNoShowAfter == null ? Duration.ofDays(7) : pickupNoShowAfter;
        partnerEventRetry = partnerEventRetry == null ? Duration.ofSeconds(5) : partnerEventRetry;
        partnerEventAttempts = partnerEventAttempts == null ? 60 : partnerEventAttempts;
    }

    /** The acceptance SLA of a node type, as an ISO-8601 duration for a BPMN timer. */
    public String nodeAcceptanceSla(String nodeType) {
        return nodeAcceptanceSla.getOrDefault(nodeType, Duration.ofHours(1)).toString();
    }
}
