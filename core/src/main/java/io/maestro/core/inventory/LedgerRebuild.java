package io.maestro.core.inventory;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Positions are derived state: this recomputes them from the append-only ledger. */
@Service
public class LedgerRebuild {

    private final LedgerRepository ledger;
    private final PositionStore positions;

    public LedgerRebuild(LedgerRepository ledger, PositionStore positions) {
        this.ledger = ledger;
        this.positions = positions;
    }

    /** Every position as the ledger says it is, without changing anything. */
    @Transactional(readOnly = true)
    public List<InventoryPosition> positionsFromLedger() {
        return ledger.sums();
    }

    /** Overwrites every position with the ledger's figures; returns how many positions were rewritten. */
    @Transactional
    public int rebuild() {
        List<InventoryPosition> derived = ledger.sums();
        derived.forEach(positions::overwrite);
        return derived.size();
    }
}
