package io.maestro.processes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.db.TransientFailures;
import io.maestro.core.inbox.PartnerEvent;
import io.maestro.core.inbox.PartnerEventInbox;
import io.maestro.core.inbox.PartnerEventReceived;
import io.maestro.core.inbox.PartnerEventStatus;
import io.maestro.core.inbox.StoredPartnerEvent;
import io.maestro.core.order.OrderService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hands partner events from the inbox to the process waiting for them, never on the thread that received them:
 * the webhook's transaction stores the event and answers; after its commit this node's processor is woken, and a
 * poll every {@code partner-event-poll-millis} picks up the rest. Each event is first claimed in the inbox with a
 * lease ({@code partner-event-lease}), so with several application nodes one node at a time works on it, and a
 * node that died holding it is taken over once the lease ran out. The hand-over commits with the event marked
 * CORRELATED, or not at all, so no event is handed over twice. A deadlock or serialization failure does it again
 * ({@link TransientFailures}); any other failure counts as an attempt, tried again later, and after
 * {@code partnerEventAttempts} leaves the event FAILED for an operator, never lost. Message name = event type,
 * matched by business key (the order id) and, for shipment events, the process's {@code shipmentId}; the
 * message carries only the payload fields a process reads ({@link #READ}).
 * An event no process waits for yet (it came early) stays pending: it is handed over as soon as a process of its
 * order and shipment commits a wait for a partner message ({@link PartnerEventHandOver}), else tried again by the
 * poll; after {@code partnerEventAttempts} it is FAILED, visible to operators, never dropped. Events that only
 * report progress ({@code ShipmentInTransit}) go on the timeline without a process.
 * The events of a claimed batch that reach their processes at once, one per order, are handed over in one
 * transaction per eight: one commit instead of one each, which is what an event costs most on a database that writes its pages
 * at every commit (H2); if that transaction fails, they are handed over one by one as above.
 */
@Component
public class PartnerEventCorrelator {

    private static final Logger log = LoggerFactory.getLogger(PartnerEventCorrelator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Events that only tell how far a parcel got: kept on the timeline, no process waits for them. */
    private static final Set<String> INFORMATIONAL = Set.of("ShipmentInTransit");
    /**
     * The payload fields a process reads: the node's or store's {@code reason}, the carrier's
     * {@code newEstimatedDelivery}, {@code trackingNumber} and {@code carrier}, the store's {@code pickupCode} and
     * curbside {@code bay}, the customer's {@code accepted}.
     */
    static final Set<String> READ = Set.of("reason", "newEstimatedDelivery", "trackingNumber", "carrier", "pickupCode",
            "bay", "accepted");
    private static final String SHIPMENT_ID = "shipmentId";
    private static final int BATCH = 50;
    /**
     * At most this many events are handed over in one transaction: it holds the rows it changed (inventory positions
     * of the same SKUs, say) until it commits, so the others wait for it no longer than that.
     */
    private static final int TOGETHER = 8;

    private final PartnerEventInbox inbox;
    private final RuntimeService runtime;
    private final OrderService orders;
    private final FulfillmentProperties properties;
    private final TransactionTemplate newTransaction;
    private final EarlyEvents early = new EarlyEvents();
    private final Duration lease;
    /** Who holds a claim: this application node (host and process) and this start. */
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService processor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "partner-events");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean woken = new AtomicBoolean();
    /** Hands the events of a claimed batch over side by side (each to its own order's process). */
    private final ExecutorService handOvers;

    public PartnerEventCorrelator(PartnerEventInbox inbox, RuntimeService runtime, OrderService orders,
                                  FulfillmentProperties properties, PlatformTransactionManager transactions,
                                  @Value("${maestro.fulfillment.partner-event-lease:PT1M}") Duration lease,
                                  @Value("${maestro.fulfillment.partner-event-threads:4}") int threads) {
        this.lease = lease;
        AtomicInteger number = new AtomicInteger();
        this.handOvers = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread thread = new Thread(r, "partner-event-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.inbox = inbox;
        this.runtime = runtime;
        this.orders = orders;
        this.properties = properties;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** An event was stored: wakes this node's processor (once for many events), the receiving thread goes on. */
    @TransactionalEventListener
    public void onReceived(PartnerEventReceived received) {
        if (woken.compareAndSet(false, true)) {
            try {
                processor.execute(() -> {
                    woken.set(false);
                    deliverDue();
                });
            } catch (RejectedExecutionException shuttingDown) {
                woken.set(false);
            }
        }
    }

    @PreDestroy
    void stop() {
        processor.shutdownNow();
        handOvers.shutdownNow();
    }

    /**
     * Claims the due events, a batch at a time, and hands them over on {@code partner-event-threads} threads; returns
     * once the batch is done, well within its lease.
     */
    @Scheduled(fixedDelayString = "${maestro.fulfillment.partner-event-poll-millis:2000}")
    public void deliverDue() {
        List<StoredPartnerEvent> claimed;
        do {
            claimed = TransientFailures.retry("claiming partner events", () -> inbox.claim(owner, BATCH, lease));
            List<StoredPartnerEvent> alone = handOverTogether(claimed);
            try {
                handOvers.invokeAll(alone.stream().map(e -> (Callable<Boolean>) () -> handOver(e)).toList());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RejectedExecutionException shuttingDown) {
                return;
            }
        } while (claimed.size() == BATCH && !Thread.currentThread().isInterrupted());
    }

    /** Claims one event and hands it over; returns whether it reached its process. */
    public boolean deliver(StoredPartnerEvent stored) {
        if (stored.status() != PartnerEventStatus.PENDING) {
            return false;
        }
        return inbox.claim(stored.id(), owner, lease).map(this::handOver).orElse(false);
    }

    /** Hands over an event this node claimed; whatever happens, the claim ends (handed over, or an attempt counted). */
    private boolean handOver(StoredPartnerEvent stored) {
        try {
            return TransientFailures.retry("partner event " + stored.event().eventId(), () -> correlate(stored));
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
            notYet(stored, EarlyEvents.Key.of(stored.event()), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            log.warn("Partner event {} ({} for {}) could not be handed over; tried again later", stored.event().eventId(),
                    stored.event().type(), stored.event().orderId(), e);
            notYet(stored, EarlyEvents.Key.of(stored.event()), String.valueOf(e.getMessage()));
            return false;
        }
    }

    private boolean correlate(StoredPartnerEvent stored) {
        EarlyEvents.Key key = EarlyEvents.Key.of(stored.event());
        early.expect(key, stored.id());
        Optional<String> instance = waitingInstance(stored.event());
        if (instance.isEmpty()) {
            if (INFORMATIONAL.contains(stored.event().type())) {
                newTransaction.executeWithoutResult(tx -> record(stored));
                early.settled(key, stored.id());
                return true;
            }
            notYet(stored, key, "no process waits for " + stored.event().type() + " yet");
            return false;
        }
        newTransaction.executeWithoutResult(tx -> handOverTo(stored, instance.get()));
        early.settled(key, stored.id());
        return true;
    }

    /**
     * Hands over the claimed events that reach a process waiting for them now in one transaction, one commit, per
     * {@link #TOGETHER}, at most one event per order (a later event of the order may wait for what the first one
     * does); returns the events left to hand over one by one: the order's later events, those no process waits for
     * yet, and all of a transaction that failed (it is rolled back as a whole, so none of them was handed over).
     */
    private List<StoredPartnerEvent> handOverTogether(List<StoredPartnerEvent> claimed) {
        if (claimed.size() < 2) {
            return claimed;
        }
        Map<StoredPartnerEvent, Runnable> together = new LinkedHashMap<>();
        List<StoredPartnerEvent> alone = new ArrayList<>();
        Set<String> ordersInBatch = new HashSet<>();
        for (StoredPartnerEvent stored : claimed) {
            if (!ordersInBatch.add(stored.event().orderId())) {
                alone.add(stored);
                continue;
            }
            Optional<String> instance = waitingInstance(stored.event());
            if (instance.isPresent()) {
                early.expect(EarlyEvents.Key.of(stored.event()), stored.id());
                together.put(stored, () -> handOverTo(stored, instance.get()));
            } else if (INFORMATIONAL.contains(stored.event().type())) {
                together.put(stored, () -> record(stored));
            } else {
                alone.add(stored);
            }
        }
        List<StoredPartnerEvent> batch = new ArrayList<>(together.keySet());
        List<StoredPartnerEvent> failed = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += TOGETHER) {
            List<StoredPartnerEvent> part = batch.subList(from, Math.min(batch.size(), from + TOGETHER));
            if (part.size() < 2) {
                failed.addAll(part);
                continue;
            }
            try {
                newTransaction.executeWithoutResult(tx -> part.forEach(stored -> together.get(stored).run()));
                part.forEach(stored -> early.settled(EarlyEvents.Key.of(stored.event()), stored.id()));
            } catch (RuntimeException e) {
                log.debug("{} partner events could not be handed over together; one by one instead", part.size(), e);
                failed.addAll(part);
            }
        }
        alone.addAll(0, failed);
        return alone;
    }

    /** Marks an event no process waits for correlated and puts it on the order's timeline, in the caller's transaction. */
    private void record(StoredPartnerEvent stored) {
        inbox.markCorrelated(stored.id());
        orders.record(stored.event().orderId(), "MESSAGE", stored.event().source(), describe(stored), details(stored));
    }

    /** Marks the event correlated and hands it to the process instance, in the caller's transaction. */
    private void handOverTo(StoredPartnerEvent stored, String instance) {
        inbox.markCorrelated(stored.id());
        orders.recordMessageWith(stored.event().orderId(), stored.event().source(), describe(stored),
                details(stored), () -> runtime.createMessageCorrelation(stored.event().type())
                        .processInstanceId(instance).setVariables(variables(stored)).correlateWithResult());
    }

    /**
     * Called by {@link PartnerEventHandOver} once a process of the order (and shipment) committed a wait for a
     * partner message: the events of that order and shipment that came too early are delivered now, not at the
     * next poll. So are those of them that had FAILED, their attempts used up before a process waited for them
     * (processes far behind their partners on a peak), when the process now waits for them: an event a process
     * comes to wait for is never left to an operator.
     */
    public void handOverEarlyEvents(String orderId, String shipmentId) {
        for (long id : early.waitingFor(orderId, shipmentId)) {
            inbox.find(id).ifPresent(this::deliver);
        }
        for (StoredPartnerEvent failed : inbox.failedFor(orderId, shipmentId)) {
            if (waitingInstance(failed.event()).isPresent()
                    && Boolean.TRUE.equals(newTransaction.execute(tx -> inbox.retry(failed.id())))) {
                inbox.find(failed.id()).ifPresent(this::deliver);
            }
        }
    }

    /**
     * The process instance of the event's order that waits for its message now and, for a shipment event, carries
     * that {@code shipmentId}: the executions waiting for the message in the order's instances (business key), then
     * one read of their instances' {@code shipmentId} when the event names a shipment.
     */
    private Optional<String> waitingInstance(PartnerEvent event) {
        Set<String> instances = runtime.createExecutionQuery().messageEventSubscriptionName(event.type())
                .processInstanceBusinessKey(event.orderId()).list().stream().map(Execution::getProcessInstanceId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (instances.isEmpty() || event.shipmentId() == null) {
            return instances.stream().findFirst();
        }
        return runtime.createVariableInstanceQuery().processInstanceIdIn(instances.toArray(String[]::new))
                .variableName(SHIPMENT_ID).disableCustomObjectDeserialization().list().stream()
                .filter(v -> event.shipmentId().equals(v.getValue()))
                .map(VariableInstance::getProcessInstanceId).findFirst();
    }

    private void notYet(StoredPartnerEvent stored, EarlyEvents.Key key, String why) {
        PartnerEventStatus status = TransientFailures.retry("partner event " + stored.event().eventId(),
                () -> newTransaction.execute(tx -> inbox.markAttemptFailed(stored.id(), why,
                        properties.partnerEventRetry(), properties.partnerEventAttempts())));
        if (status != PartnerEventStatus.PENDING) {
            early.settled(key, stored.id());
        }
        if (status == PartnerEventStatus.FAILED) {
            log.warn("Partner event {} ({} for {}) reached no process after {} attempts", stored.event().eventId(),
                    stored.event().type(), stored.event().orderId(), properties.partnerEventAttempts());
        }
    }

    /**
     * What the processes read of an event ({@link #READ}); the whole payload stays in the inbox and goes on the
     * order's timeline. Lists and maps as JSON text.
     */
    private static Map<String, Object> variables(StoredPartnerEvent stored) {
        Map<String, Object> variables = new HashMap<>();
        stored.event().payload().forEach((name, value) -> {
            if (READ.contains(name)) {
                variables.put(name, plain(value));
            }
        });
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
        details.put("messageType", stored.event().type());
        details.put("source", stored.event().source());
        if (stored.event().shipmentId() != null) {
            details.put("shipmentId", stored.event().shipmentId());
        }
        return details;
    }
}
