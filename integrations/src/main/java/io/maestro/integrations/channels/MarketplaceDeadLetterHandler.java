package io.maestro.integrations.channels;

import io.maestro.core.deadletter.DeadLetterHandler;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Replays a marketplace order (or a whole unreadable file, once fixed) kept as a dead letter. */
@Component
public class MarketplaceDeadLetterHandler implements DeadLetterHandler {

    private final MarketplaceImport marketplace;

    public MarketplaceDeadLetterHandler(@Lazy MarketplaceImport marketplace) {
        this.marketplace = marketplace;
    }

    @Override
    public String source() {
        return MarketplaceImport.SOURCE;
    }

    @Override
    public void replay(String payload) {
        marketplace.replay(payload);
    }
}
