package io.maestro.workers.allocate;

/** The order was cancelled while its plan was being made: the plan is dropped and nothing is reserved. */
public class OrderCancelledException extends RuntimeException {

    public OrderCancelledException(String message) {
        super(message);
    }
}
