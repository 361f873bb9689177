package io.maestro.core.transfer;

/**
 * Published inside the transaction that released a transfer's units at its source ({@link TransferSteps#release}):
 * they are in transit to {@code toNodeId}. The sandbox destination node listens to it to report the receipt.
 */
public record TransferReleased(String transferId, String sku, String fromNodeId, String toNodeId, long units) {
}
