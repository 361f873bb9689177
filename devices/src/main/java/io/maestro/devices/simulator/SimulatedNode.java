package io.maestro.devices.simulator;

import io.maestro.devices.event.DeviceEventType;
import io.maestro.devices.event.DeviceTopic;
import io.maestro.devices.event.MovementPayload;
import io.maestro.devices.event.RfidCountPayload;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The shelves of one node as its devices see them: each SKU is counted first (the baseline), then receipts bring
 * cases in, picks take units out (never more than are there), shrink loses one now and then, and cycle counts
 * report what is on the shelf, sometimes finding a unit less. Every device numbers its messages.
 */
public final class SimulatedNode {

    /** One message to publish. */
    public record Message(DeviceEventType type, String topic, Object payload) {
    }

    private final String nodeId;
    private final List<String> deviceIds;
    private final List<String> skus;
    private final Random random;
    private final Clock clock;
    private final Map<String, Long> shelf = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private int next;

    public SimulatedNode(String nodeId, List<String> deviceIds, List<String> skus, Random random, Clock clock) {
        this.nodeId = nodeId;
        this.deviceIds = deviceIds;
        this.skus = skus;
        this.random = random;
        this.clock = clock;
    }

    public Message next() {
        String device = deviceIds.get(next++ % deviceIds.size());
        String sku = skus.get(random.nextInt(skus.size()));
        long sequence = sequences.merge(device, 1L, Long::sum);
        String eventId = device + "-" + sequence;
        Long onShelf = shelf.get(sku);
        int roll = random.nextInt(100);
        if (onShelf == null || roll < 12) {
            long counted = onShelf == null ? 40 + random.nextInt(160) : Math.max(0, onShelf - (random.nextInt(10) == 0 ? 1 : 0));
            shelf.put(sku, counted);
            return message(DeviceEventType.RFID_COUNT, device, new RfidCountPayload(eventId, sequence, clock.instant(), sku, counted));
        }
        if (roll < 30 || onShelf < 3) {
            long cases = 12L * (1 + random.nextInt(4));
            shelf.put(sku, onShelf + cases);
            return message(DeviceEventType.RECEIPT, device, new MovementPayload(eventId, sequence, clock.instant(), sku, cases));
        }
        if (roll < 96) {
            long units = 1 + random.nextInt(3);
            shelf.put(sku, onShelf - units);
            return message(DeviceEventType.PICK, device, new MovementPayload(eventId, sequence, clock.instant(), sku, units));
        }
        shelf.put(sku, onShelf - 1);
        return message(DeviceEventType.SHRINK, device, new MovementPayload(eventId, sequence, clock.instant(), sku, 1));
    }

    private Message message(DeviceEventType type, String device, Object payload) {
        return new Message(type, new DeviceTopic(nodeId, device, type).name(), payload);
    }
}
