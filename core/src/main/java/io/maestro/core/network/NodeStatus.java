package io.maestro.core.network;

/** A paused node keeps its stock but receives no new work. */
public enum NodeStatus {
    OPEN, PAUSED
}
