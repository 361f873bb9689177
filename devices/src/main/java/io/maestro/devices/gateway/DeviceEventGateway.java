package io.maestro.devices.gateway;

import io.maestro.core.catalog.SkuRepository;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.AdjustmentResult;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.network.NodeRepository;
import io.maestro.devices.event.DeviceEvent;
import io.maestro.devices.event.DeviceEventMapper;
import io.maestro.devices.event.DeviceEventType;
import io.maestro.devices.event.InvalidDeviceEventException;
import java.util.List;
import java.util.OptionalLong;
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
        return transaction.execute(status -> applyInTransaction(event));
    }

    /**
     * Applies checked events in order in one transaction (one commit for many events; each still applied once by
     * its event id). Any failure rolls all of them back.
     */
    public List<DeviceEventOutcome> applyAll(List<DeviceEvent> events) {
        return transaction.execute(status -> events.stream().map(this::applyInTransaction).toList());
    }

    /** Reads a message and checks that its node and SKU exist, or throws naming what is wrong with it. */
    public DeviceEvent read(String topic, String payload) {
        DeviceEvent event = mapper.read(topic, payload);
        if (!nodes.exists(event.topic().nodeId())) {
            throw new InvalidDeviceEventException("topic nodeId", "unknown node " + event.topic().nodeId());
        }
        if (skus.find(event.sku()).isEmpty()) {
            throw new InvalidDeviceEventException("sku", "unknown SKU " + event.sku() + " at node " + event.topic().nodeId());
        }
        return event;
    }

    private DeviceEventOutcome applyInTransaction(DeviceEvent event) {
        if (event.topic().type() == DeviceEventType.RFID_COUNT) {
            OptionalLong newer = sequences.advance(event);
            if (newer.isPresent()) {
                sequences.recordStale(event, newer.getAsLong());
                log.info("Stale count {} (sequence {}) from {} at {} for {} ignored: sequence {} was applied",
                        event.eventId(), event.sequence(), event.topic().deviceId(), event.topic().nodeId(), event.sku(),
                        newer.getAsLong());
                return publish(event, DeviceEventOutcome.STALE);
            }
        }
        AdjustmentResult result = ledger.adjust(adjustment(event), "device:" + event.topic().deviceId());
        return publish(event, result.duplicate() ? DeviceEventOutcome.DUPLICATE : DeviceEventOutcome.APPLIED);
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
