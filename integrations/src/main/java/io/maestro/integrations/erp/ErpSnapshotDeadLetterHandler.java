package io.maestro.integrations.erp;

import io.maestro.core.deadletter.DeadLetterHandler;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Replays one rejected ERP snapshot line (its own snapshot id: the original's plus {@code /line-N}). */
@Component
public class ErpSnapshotDeadLetterHandler implements DeadLetterHandler {

    private final ErpReconciliation reconciliation;

    public ErpSnapshotDeadLetterHandler(@Lazy ErpReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public String source() {
        return ErpReconciliation.SOURCE;
    }

    @Override
    public void replay(String payload) {
        reconciliation.replay(payload.getBytes(StandardCharsets.UTF_8), "dead-letter-replay");
    }
}
