package io.maestro.devices.gateway;

import io.maestro.core.db.Database;
import io.maestro.devices.event.DeviceEvent;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * The last applied count sequence per (node, device, SKU), so a late, older count is not applied over a newer
 * one. Joins the caller's transaction: the sequence moves only if the count is applied.
 */
@Component
public class CountSequences {

    private final Database db;

    public CountSequences(Database db) {
        this.db = db;
    }

    /**
     * Moves the sequence to the count's own unless a higher one was applied. Empty when the count may be applied
     * (its sequence is new, or equal: a redelivery the ledger recognises); otherwise the higher sequence. The
     * usual case, a known device and SKU counted again, is one statement.
     */
    public OptionalLong advance(DeviceEvent count) {
        String node = count.topic().nodeId();
        String device = count.topic().deviceId();
        if (moveUp(count) || db.insertIfAbsent("insert into device_count_sequence (node_id, device_id, sku, last_sequence, "
                + "last_event_id, updated_at) values (?, ?, ?, ?, ?, ?)", node, device, count.sku(), count.sequence(),
                count.eventId(), db.now()) || moveUp(count)) {
            return OptionalLong.empty();
        }
        Long last = db.jdbc().queryForObject("select last_sequence from device_count_sequence where node_id = ? "
                + "and device_id = ? and sku = ?", Long.class, node, device, count.sku());
        return OptionalLong.of(last == null ? 0 : last);
    }

    /** Moves the sequence of a known (node, device, SKU) to the count's unless it is higher already. */
    private boolean moveUp(DeviceEvent count) {
        return db.jdbc().update("update device_count_sequence set last_sequence = ?, last_event_id = ?, updated_at = ? "
                + "where node_id = ? and device_id = ? and sku = ? and last_sequence <= ?", count.sequence(), count.eventId(),
                db.now(), count.topic().nodeId(), count.topic().deviceId(), count.sku(), count.sequence()) == 1;
    }

    /** Keeps a count that was not applied because {@code lastSequence} had been. */
    public void recordStale(DeviceEvent count, long lastSequence) {
        db.jdbc().update("insert into device_stale_count (node_id, device_id, sku, event_id, sequence, last_sequence, counted, "
                + "received_at) values (?, ?, ?, ?, ?, ?, ?, ?)", count.topic().nodeId(), count.topic().deviceId(), count.sku(),
                count.eventId(), count.sequence(), lastSequence, count.quantity(), db.now());
    }

    public long staleCounts(String nodeId, String deviceId) {
        Long n = db.jdbc().queryForObject("select count(*) from device_stale_count where node_id = ? and device_id = ?",
                Long.class, nodeId, deviceId);
        return n == null ? 0 : n;
    }
}
