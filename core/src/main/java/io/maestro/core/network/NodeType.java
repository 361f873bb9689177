package io.maestro.core.network;

/** What kind of place a fulfilment node is. */
public enum NodeType {
    DC, STORE, THREE_PL, DROPSHIPPER
}
