package io.maestro.core.returns;

/** Published inside the transaction that recorded a new return; the processes module starts {@code customer-return} from it. */
public record ReturnOpened(String returnId, String orderId, String nodeId) {
}
