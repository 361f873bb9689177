package io.maestro.integrations.erp;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The HMAC key the ERP signs its webhooks (purchase order receipts) with: {@code maestro.erp.secret}. */
@Component
public class ErpWebhookSecret {

    private final String secret;

    public ErpWebhookSecret(@Value("${maestro.erp.secret:sandbox-erp-secret}") String secret) {
        this.secret = secret;
    }

    public String value() {
        return secret;
    }
}
