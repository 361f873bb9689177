package io.maestro.core.testing;

import org.springframework.jdbc.core.JdbcTemplate;

/** Empties every domain table, children first, so each test starts from a known state. */
public final class DomainTables {

    private static final String[] TABLES = {"stock_transfer_event", "stock_transfer_receipt", "stock_transfer", "return_line", "customer_return", "partner_event", "notification", "dead_letter", "order_event", "order_line_cancellation", "order_hold", "order_command", "shipment_line", "shipment", "order_line", "orders", "reservation",
        "processed_event", "inventory_ledger", "inventory_position", "channel_protection", "sku", "node_capacity_day", "node"};

    private DomainTables() {
    }

    public static void empty(JdbcTemplate jdbc) {
        for (String table : TABLES) {
            jdbc.update("delete from " + table);
        }
    }
}
