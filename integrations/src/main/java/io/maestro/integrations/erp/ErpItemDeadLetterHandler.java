package io.maestro.integrations.erp;

import io.maestro.core.deadletter.DeadLetterHandler;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Replays one rejected item-master row. */
@Component
public class ErpItemDeadLetterHandler implements DeadLetterHandler {

    private final ErpItemImport items;

    public ErpItemDeadLetterHandler(@Lazy ErpItemImport items) {
        this.items = items;
    }

    @Override
    public String source() {
        return ErpItemImport.SOURCE;
    }

    @Override
    public void replay(String payload) {
        items.replay(payload);
    }
}
