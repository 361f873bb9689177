package io.maestro.routes.webhook;

import io.maestro.core.deadletter.DeadLetterHandler;
import io.maestro.core.replenishment.PurchaseOrders;
import io.maestro.integrations.erp.ErpReceiptMessage;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Replays the ERP's refused purchase-order receipt through the same intake, once the operator has fixed the cause. */
@Component
public class ErpReceiptDeadLetterHandler implements DeadLetterHandler {

    private final PurchaseOrders purchaseOrders;

    public ErpReceiptDeadLetterHandler(@Lazy PurchaseOrders purchaseOrders) {
        this.purchaseOrders = purchaseOrders;
    }

    @Override
    public String source() {
        return ErpReceiptWebhookController.SOURCE;
    }

    @Override
    public void replay(String payload) {
        purchaseOrders.receive(ErpReceiptMessage.read(payload));
    }
}
