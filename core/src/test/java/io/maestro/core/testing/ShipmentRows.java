package io.maestro.core.testing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bare order and shipment rows (and their node, when missing) for tests of what names a shipment: partner events. */
public final class ShipmentRows {

    private ShipmentRows() {
    }

    /** An order {@code orderId} with the shipments {@code shipmentIds} at {@code nodeId}. */
    public static void insert(JdbcTemplate jdbc, String nodeId, String orderId, String... shipmentIds) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (jdbc.queryForObject("select count(*) from node where id = ?", Integer.class, nodeId) == 0) {
            jdbc.update("insert into node (id, name, type, city, region, postal_code, country, latitude, longitude, capabilities, "
                    + "daily_capacity, cutoff_time, time_zone, handling_cost_per_shipment, handling_cost_per_unit, status, "
                    + "created_at) values (?, ?, 'DC', 'Brooklyn', 'NY', '11201', 'US', 40.7, -74.0, 'SHIP', 1000, "
                    + "time '17:00:00', 'America/New_York', 1, 0.1, 'ACTIVE', ?)", nodeId, nodeId, now);
        }
        if (jdbc.queryForObject("select count(*) from orders where id = ?", Integer.class, orderId) == 0) {
            jdbc.update("insert into orders (id, channel, channel_order_id, customer_id, customer_tier, latitude, longitude, "
                    + "delivery_option, preference, ship_complete, status, order_total, created_at, updated_at) "
                    + "values (?, 'WEB', ?, 'C-1', 'STANDARD', 40.7, -74.0, 'SHIP', 'BALANCED', false, 'ALLOCATED', 0, ?, ?)",
                    orderId, orderId, now, now);
        }
        for (String shipmentId : shipmentIds) {
            jdbc.update("insert into shipment (id, order_id, node_id, status, created_at, updated_at) "
                    + "values (?, ?, ?, 'RELEASED', ?, ?)", shipmentId, orderId, nodeId, now, now);
        }
    }
}
