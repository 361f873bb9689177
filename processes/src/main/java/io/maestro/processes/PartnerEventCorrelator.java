package io.maestro.processes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.inbox.PartnerEventInbox;
import io.maestro.core.inbox.PartnerEventReceived;
import io.maestro.core.inbox.PartnerEventStatus;
import io.maestro.core.inbox.StoredPartnerEvent;
import io.maestro.core.order.OrderService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Hands partner events from the inbox to the process waiting for them: message name = event type,
 * matched by business key (the order id) and, for shipment events, the process's {@code shipmentId}.
 * An event no process waits for yet (it came early) stays pending and is tried again; after
 * {@code partnerEventAttempts} it is FAILED, visible to operators, never dropped. Events that only report
 * progress ({@code ShipmentInTransit}) go on the timeline without a process.
 */
@Component
public class PartnerEventCorrelator {

    private static final Logger log = LoggerFactory.getLogger(PartnerEventCorrelator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Events that only tell how far a parcel got: kept on the timeline, no process waits for them. */
    private static final Set<String> INFORMATIONAL = Set.of("ShipmentInTransit");

    private final PartnerEventInbox inbox;
    private final RuntimeService runtime;
    private final OrderService orders;
    private final FulfillmentProperties properties;
    private final TransactionTemplate newTransaction;

    public PartnerEventCorrelator(PartnerEventInbox inbox, RuntimeService runtime, OrderService orders,
                                  FulfillmentProperties properties, PlatformTransactionManager transactions) {
        this.inbox = inbox;
        this.runtime = runtime;
        this.orders = orders;
        this.properties = properties;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener
    public void onReceived(PartnerEventReceived received) {
        inbox.find(received.id()).ifPresent(this::deliver);
    }

    @Scheduled(fixedDelayString = "${maestro.fulfillment.partner-event-poll-millis:2000}")
    public void deliverDue() {
        inbox.due(100).forEach(this::deliver);
    }

    /** Returns whether the event reached its process. */
    public boolean deliver(StoredPartnerEvent stored) {
        if (stored.status() != PartnerEventStatus.PENDING) {
            return false;
        }
        if (!awaited(stored)) {
            if (INFORMATIONAL.contains(stored.event().type())) {
                newTransaction.executeWithoutResult(tx -> {
                    orders.record(stored.event().orderId(), "MESSAGE", stored.event().source(), describe(stored),
                            details(stored));
                    inbox.markCorrelated(stored.id());
                });
                return true;
            }
            notYet(stored, "no process waits for " + stored.event().type() + " yet");
            return false;
        }
        try {
            newTransaction.executeWithoutResult(tx -> {
                correlation(stored).correlateWithResult();
                orders.record(stored.event().orderId(), "MESSAGE", stored.event().source(), describe(stored),
                        details(stored));
                inbox.markCorrelated(stored.id());
            });
            return true;
        } catch (MismatchingMessageCorrelationException | org.camunda.bpm.engine.OptimisticLockingException e) {
            notYet(stored, e.getMessage());
            return false;
        }
    }

    /** Whether the event's process waits for it now (asked first, so an early event is not an engine error). */
    private boolean awaited(StoredPartnerEvent stored) {
        var query = runtime.createExecutionQuery().messageEventSubscriptionName(stored.event().type())
                .processInstanceBusinessKey(stored.event().orderId());
        if (stored.event().shipmentId() != null) {
            query.processVariableValueEquals("shipmentId", stored.event().shipmentId());
        }
        return query.count() > 0;
    }

    private void notYet(StoredPartnerEvent stored, String why) {
        PartnerEventStatus status = newTransaction.execute(tx -> inbox.markAttemptFailed(stored.id(), why,
                properties.partnerEventRetry(), properties.partnerEventAttempts()));
        if (status == PartnerEventStatus.FAILED) {
            log.warn("Partner event {} ({} for {}) reached no process after {} attempts", stored.event().eventId(),
                    stored.event().type(), stored.event().orderId(), properties.partnerEventAttempts());
        }
    }

    private MessageCorrelationBuilder correlation(StoredPartnerEvent stored) {
        var event = stored.event();
        MessageCorrelationBuilder builder = runtime.createMessageCorrelation(event.type())
                .processInstanceBusinessKey(event.orderId())
                .setVariables(variables(stored));
        if (event.shipmentId() != null) {
            builder.processInstanceVariableEquals("shipmentId", event.shipmentId());
        }
        return builder;
    }

    /** The payload as process variables: plain values as they are, lists and maps as JSON text. */
    private static Map<String, Object> variables(StoredPartnerEvent stored) {
        Map<String, Object> variables = new HashMap<>();
        stored.event().payload().forEach((name, value) -> variables.put(name, plain(value)));
        variables.put("partnerEventId", stored.event().eventId());
        variables.put("partnerSource", stored.event().source());
        return variables;
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static String describe(StoredPartnerEvent stored) {
        var e = stored.event();
        Object reason = e.payload().get("reason");
        return e.type() + (e.shipmentId() == null ? "" : " for " + e.shipmentId()) + (reason == null ? "" : ": " + reason);
    }

    private static Map<String, Object> details(StoredPartnerEvent stored) {
        Map<String, Object> details = new HashMap<>(stored.event().payload());
        details.put("eventId", stored.event().eventId());
        details.put("source", stored.event().source());
        if (stored.event().shipmentId() != null) {
            details.put("shipmentId", stored.event().shipmentId());
        }
        return details;
    }
}
