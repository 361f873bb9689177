package io.maestro.core.transfer;

import java.util.Map;
import java.util.Set;

/**
 * Where a stock transfer stands, and the steps allowed from each status. Approved transfers start REQUESTED; the
 * source's release puts the units IN_TRANSIT (or the source cannot release them: REJECTED); the destination's receipt
 * ends it RECEIVED, or RECEIVED_SHORT when fewer arrived (the rest written off as lost); a transfer nothing arrived of
 * by its deadline is OVERDUE until a person writes it off (LOST) or keeps waiting (IN_TRANSIT again).
 */
public enum TransferStatus {
    REQUESTED,
    IN_TRANSIT,
    OVERDUE,
    RECEIVED,
    RECEIVED_SHORT,
    LOST,
    REJECTED;

    private static final Map<TransferStatus, Set<TransferStatus>> NEXT = Map.of(
            REQUESTED, Set.of(IN_TRANSIT, REJECTED),
            IN_TRANSIT, Set.of(OVERDUE, RECEIVED, RECEIVED_SHORT),
            OVERDUE, Set.of(IN_TRANSIT, RECEIVED, RECEIVED_SHORT, LOST),
            RECEIVED, Set.of(),
            RECEIVED_SHORT, Set.of(),
            LOST, Set.of(),
            REJECTED, Set.of());

    public boolean canBecome(TransferStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Released and not received nor written off yet: the destination's receipt is expected. */
    public boolean awaitsReceipt() {
        return this == IN_TRANSIT || this == OVERDUE;
    }

    public boolean finished() {
        return NEXT.get(this).isEmpty();
    }
}
