package io.maestro.devices.gateway;

import io.maestro.core.catalog.SkuRepository;
import io.maestro.core.db.TransientFailures;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.AdjustmentResult;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.network.NodeRepository;
import io.maestro.devices.event.DeviceEvent;
import io.maestro.devices.event.DeviceEventMapper;
import io.maestro.devices.event.DeviceEventType;
import io.maestro.devices.event.InvalidDeviceEventException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * From device messages to the inventory ledger: a count sets on-hand, a receipt adds, a pick and a shrink take
 * away. Each message is applied once (the ledger is idempotent by event id, made unique per device), and a count
 * older than the last applied one is set aside.
 */
@Component
public class DeviceEventGateway {

    private static final Logger log = LoggerFactory.getLogger(DeviceEventGateway.class);

    private final DeviceEventMapper mapper = new DeviceEventMapper();
    private final InventoryLedger ledger;
    private final CountSequences sequences;
    private final NodeRepository nodes;
    private final SkuRepository skus;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    public DeviceEventGateway(InventoryLedger ledger, CountSequences sequences, NodeRepository nodes, SkuRepository skus,
                              ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.ledger = ledger;
        this.sequences = sequences;
        this.nodes = nodes;
        this.skus = skus;
        this.events = events;
        this.transaction = transaction;
    }

    /** Applies a message in one transaction, or throws naming what is wrong with it. */
    public DeviceEventOutcome apply(String topic, String payload) {
        DeviceEvent event = read(topic, payload);
        return TransientFailures.retry("device event " + event.eventId(),
                () -> transaction.execute(status -> applyInTransaction(event)));
    }

    /**
     * Applies checked events in their order in one transaction: one commit and one batched ledger write for many
     * events, each still applied once by its event id, a stale count still set aside. Any failure rolls all of
     * them back; a deadlock or serialization failure does the whole transaction again ({@link TransientFailures}).
     */
    public List<DeviceEventOutcome> applyAll(List<DeviceEvent> events) {
        return TransientFailures.retry("device batch", () -> transaction.execute(status -> {
            DeviceEventOutcome[] outcomes = new DeviceEventOutcome[events.size()];
            List<Adjustment> toLedger = new ArrayList<>(events.size());
            Map<Adjustment, String> actors = new IdentityHashMap<>();
            List<Integer> positions = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                DeviceEvent event = events.get(i);
                if (event.topic().type() == DeviceEventType.RFID_COUNT && isStale(event)) {
                    outcomes[i] = DeviceEventOutcome.STALE;
                } else {
                    Adjustment adjustment = adjustment(event);
                    toLedger.add(adjustment);
                    actors.put(adjustment, actor(event));
                    positions.add(i);
                }
            }
            List<AdjustmentResult> results = ledger.adjustAll(toLedger, actors::get);
            for (int j = 0; j < results.size(); j++) {
                outcomes[positions.get(j)] = results.get(j).duplicate() ? DeviceEventOutcome.DUPLICATE : DeviceEventOutcome.APPLIED;
            }
            for (int i = 0; i < outcomes.length; i++) {
                publish(events.get(i), outcomes[i]);
            }
            return List.of(outcomes);
        }));
    }

    /** Reads a message and checks that its node and SKU exist, or throws naming what is wrong with it. */
    public DeviceEvent read(String topic, String payload) {
        Reading reading = readAll(List.of(new DeviceMessage(topic, payload))).get(0);
        if (reading.invalid() != null) {
            throw reading.invalid();
        }
        return reading.event();
    }

    /** A message read: its event, or why it cannot be taken. */
    public record Reading(DeviceEvent event, InvalidDeviceEventException invalid) {
    }

    /**
     * Reads the messages of a batch and checks that their nodes and SKUs exist, looking each node up once and the
     * SKUs with one query: per message its event or what is wrong with it.
     */
    public List<Reading> readAll(List<DeviceMessage> messages) {
        List<Reading> read = new ArrayList<>(messages.size());
        Set<String> skusNamed = new HashSet<>();
        for (DeviceMessage message : messages) {
            try {
                DeviceEvent event = mapper.read(message.topic(), message.payload());
                skusNamed.add(event.sku());
                read.add(new Reading(event, null));
            } catch (InvalidDeviceEventException e) {
                read.add(new Reading(null, e));
            }
        }
        Set<String> knownSkus = skus.existing(skusNamed);
        Map<String, Boolean> knownNodes = new HashMap<>();
        List<Reading> checked = new ArrayList<>(read.size());
        for (Reading reading : read) {
            DeviceEvent event = reading.event();
            if (event == null) {
                checked.add(reading);
            } else if (!knownNodes.computeIfAbsent(event.topic().nodeId(), nodes::exists)) {
                checked.add(new Reading(null, new InvalidDeviceEventException("topic nodeId",
                        "unknown node " + event.topic().nodeId())));
            } else if (!knownSkus.contains(event.sku())) {
                checked.add(new Reading(null, new InvalidDeviceEventException("sku", "unknown SKU " + event.sku() + " at node "
                        + event.topic().nodeId())));
            } else {
                checked.add(reading);
            }
        }
        return checked;
    }

    private DeviceEventOutcome applyInTransaction(DeviceEvent event) {
        if (event.topic().type() == DeviceEventType.RFID_COUNT && isStale(event)) {
            return publish(event, DeviceEventOutcome.STALE);
        }
        AdjustmentResult result = ledger.adjust(adjustment(event), actor(event));
        return publish(event, result.duplicate() ? DeviceEventOutcome.DUPLICATE : DeviceEventOutcome.APPLIED);
    }

    /** Moves the count's sequence, or sets the count aside (and says so) when a newer one was applied. */
    private boolean isStale(DeviceEvent count) {
        OptionalLong newer = sequences.advance(count);
        if (newer.isPresent()) {
            sequences.recordStale(count, newer.getAsLong());
            log.info("Stale count {} (sequence {}) from {} at {} for {} ignored: sequence {} was applied", count.eventId(),
                    count.sequence(), count.topic().deviceId(), count.topic().nodeId(), count.sku(), newer.getAsLong());
            return true;
        }
        return false;
    }

    private static String actor(DeviceEvent event) {
        return "device:" + event.topic().deviceId();
    }

    private DeviceEventOutcome publish(DeviceEvent event, DeviceEventOutcome outcome) {
        events.publishEvent(new DeviceEventApplied(event, outcome));
        return outcome;
    }

    private static Adjustment adjustment(DeviceEvent e) {
        String reason = e.topic().type().topicName() + " by device " + e.topic().deviceId() + " (sequence " + e.sequence()
                + ", event " + e.eventId() + ")";
        long q = e.quantity();
        return switch (e.topic().type()) {
            case RFID_COUNT -> new Adjustment(e.ledgerEventId(), e.topic().nodeId(), e.sku(), null, q, null, reason);
            case RECEIPT -> new Adjustment(e.ledgerEventId(), e.topic().nodeId(), e.sku(), q, null, null, reason);
            case PICK, SHRINK -> new Adjustment(e.ledgerEventId(), e.topic().nodeId(), e.sku(), -q, null, null, reason);
        };
    }
}
