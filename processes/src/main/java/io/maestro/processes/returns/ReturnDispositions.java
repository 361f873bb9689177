package io.maestro.processes.returns;

import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.returns.Disposition;
import io.maestro.core.returns.ReturnLine;
import io.maestro.core.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Carries out a line's disposition: records it on the return and, where units go back into stock, adds them to a
 * node's on-hand with event id {@code <returnId>/<lineNo>} (idempotent: a repeated step adds nothing).
 */
@Component
public class ReturnDispositions {

    private final ReturnService returns;
    private final InventoryLedger ledger;

    public ReturnDispositions(ReturnService returns, InventoryLedger ledger) {
        this.returns = returns;
        this.ledger = ledger;
    }

    /** Records the disposition; with a node, the line's units go on hand there with {@code ledgerReason}. */
    public void apply(DelegateExecution execution, Disposition disposition, String nodeId, String ledgerReason) {
        String returnId = (String) execution.getVariable("returnId");
        ReturnLine line = PrepareReturnLine.line(returns, execution);
        if (nodeId != null) {
            ledger.adjust(new Adjustment(returnId + "/" + line.lineNo(), nodeId, line.sku(), (long) line.quantity(), null,
                    null, ledgerReason + " " + returnId), PrepareReturn.ACTOR);
        }
        String why = (String) execution.getVariable("dispositionReason");
        returns.recordDisposition(returnId, line.lineNo(), disposition,
                nodeId == null ? why : why + " (" + line.quantity() + " unit(s) on hand at " + nodeId + ")", PrepareReturn.ACTOR);
    }
}
