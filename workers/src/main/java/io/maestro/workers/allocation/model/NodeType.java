package io.maestro.workers.allocation.model;

/** Kinds of fulfilment node. */
public enum NodeType {
    DC, STORE, THREE_PL, DROPSHIPPER
}
