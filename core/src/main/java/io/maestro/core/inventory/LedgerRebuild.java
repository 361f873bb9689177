package io.maestro.core.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Every (node, SKU) where the live position differs from the ledger's sums, as pairs of
     * {ledger, live}; a position absent on one side counts as all zeros. Empty when all is true.
     */
    @Transactional(readOnly = true)
    public List<InventoryPosition[]> differences() {
        Map<String, InventoryPosition[]> byKey = new LinkedHashMap<>();
        for (InventoryPosition p : ledger.sums()) {
            byKey.computeIfAbsent(p.nodeId() + "|" + p.sku(), k -> new InventoryPosition[2])[0] = p;
        }
        for (InventoryPosition p : positions.all()) {
            byKey.computeIfAbsent(p.nodeId() + "|" + p.sku(), k -> new InventoryPosition[2])[1] = p;
        }
        List<InventoryPosition[]> differ = new ArrayList<>();
        for (InventoryPosition[] pair : byKey.values()) {
            InventoryPosition any = pair[0] != null ? pair[0] : pair[1];
            InventoryPosition fromLedger = pair[0] != null ? pair[0] : InventoryPosition.empty(any.nodeId(), any.sku());
            InventoryPosition live = pair[1] != null ? pair[1] : InventoryPosition.empty(any.nodeId(), any.sku());
            if (!fromLedger.equals(live)) {
                differ.add(new InventoryPosition[] {fromLedger, live});
            }
        }
        return differ;
    }

    /** Overwrites every position with the ledger's figures; returns how many positions were rewritten. */
    @Transactional
    public int rebuild() {
        List<InventoryPosition> derived = ledger.sums();
        derived.forEach(positions::overwrite);
        return derived.size();
    }
}
