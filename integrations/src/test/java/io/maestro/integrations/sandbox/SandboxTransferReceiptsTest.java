package io.maestro.integrations.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SandboxTransferReceiptsTest {

    @Test
    void theDestinationCountsEveryUnitByDefault() {
        assertThat(SandboxTransferReceipts.received(10, 0)).isEqualTo(10);
    }

    @Test
    void aShortReceiptCountsThatManyFewerButAtLeastOne() {
        assertThat(SandboxTransferReceipts.received(10, 3)).isEqualTo(7);
        assertThat(SandboxTransferReceipts.received(2, 5)).isEqualTo(1);
        assertThat(SandboxTransferReceipts.received(4, -2)).isEqualTo(4);
    }
}
