package io.maestro.core.inventory;

import io.maestro.core.db.Database;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * One line of a reservation: remember its id, take the units with the conditional update, write
 * the ledger entry. On PostgreSQL the three writes travel as one statement; on H2 as three.
 * Joins the caller's transaction, which must roll back on {@link Outcome#INSUFFICIENT}.
 */
@Component
class ReserveStep {

    enum Outcome { RESERVED, ALREADY_RESERVED, INSUFFICIENT }

    private static final String ONE_STATEMENT = """
            with remembered as (
                insert into reservation (id, order_id, line_no, node_id, sku, quantity, status, created_at, updated_at,
                    capacity_day)
                values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?) on conflict do nothing returning id),
            taken as (
                update inventory_position set reserved = reserved + ?, version = version + 1, updated_at = ?
                where node_id = ? and sku = ? and exists (select 1 from remembered)
                and on_hand - reserved - safety_stock - floor(on_hand * (select least(coalesce(sum(cp.percent), 0), 100)
                    from channel_protection cp where cp.sku = inventory_position.sku and cp.channel <> ?) / 100) >= ?
                returning node_id),
            entry as (
                insert into inventory_ledger (node_id, sku, entry_type, on_hand_delta, reserved_delta, safety_stock_delta,
                    reason, source_event_id, reservation_id, actor, created_at)
                select ?, ?, 'RESERVE', 0, ?, 0, ?, null, ?, ?, ? from taken returning id)
            select (select count(*) from remembered) remembered, (select count(*) from entry) taken""";

    private final Database db;
    private final ReservationRepository reservations;
    private final PositionStore positions;
    private final LedgerRepository ledger;

    ReserveStep(Database db, ReservationRepository reservations, PositionStore positions, LedgerRepository ledger) {
        this.db = db;
        this.reservations = reservations;
        this.positions = positions;
        this.ledger = ledger;
    }

    /** Reserves one line; {@code capacityDay} is the day of its node's capacity it holds (null: none). */
    Outcome reserve(ReservationRequest r, String channel, String actor, LocalDate capacityDay) {
        String reason = "order " + r.orderId() + " line " + r.lineNo();
        if (db.isPostgres()) {
            var now = db.now();
            return db.jdbc().queryForObject(ONE_STATEMENT, (rs, i) -> rs.getInt("remembered") == 0 ? Outcome.ALREADY_RESERVED
                            : rs.getInt("taken") == 1 ? Outcome.RESERVED : Outcome.INSUFFICIENT,
                    r.reservationId(), r.orderId(), r.lineNo(), r.nodeId(), r.sku(), r.quantity(), now, now, capacityDay,
                    r.quantity(), now, r.nodeId(), r.sku(), channel == null ? "" : channel, r.quantity(),
                    r.nodeId(), r.sku(), r.quantity(), reason, r.reservationId(), actor, now);
        }
        if (!reservations.insertIfAbsent(r, capacityDay)) {
            return Outcome.ALREADY_RESERVED;
        }
        if (!positions.tryReserve(r.nodeId(), r.sku(), r.quantity(), channel)) {
            return Outcome.INSUFFICIENT;
        }
        ledger.append(new LedgerEntry(r.nodeId(), r.sku(), LedgerEntryType.RESERVE, 0, r.quantity(), 0, reason, null,
                r.reservationId(), actor));
        return Outcome.RESERVED;
    }
}
