package io.maestro.processes.transfer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code maestro.transfers.*}: how long after its release a transfer waits for the destination's receipt
 * ({@code receipt-deadline}) before a person decides (write off or keep waiting; keeping waiting waits as long again).
 */
@Component
@ConfigurationProperties("maestro.transfers")
public class TransferProperties {

    private Duration receiptDeadline = Duration.ofDays(3);

    public Duration getReceiptDeadline() {
        return receiptDeadline;
    }

    public void setReceiptDeadline(Duration receiptDeadline) {
        this.receiptDeadline = receiptDeadline;
    }
}
