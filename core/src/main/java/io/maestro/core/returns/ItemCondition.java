package io.maestro.core.returns;

/** What the inspection found for a returned line. */
public enum ItemCondition {
    RESELLABLE, DAMAGED, WRONG_ITEM
}
