package io.maestro.devices.gateway;

/** What became of a device message. */
public enum DeviceEventOutcome {
    /** The ledger took it. */
    APPLIED,
    /** Its event id had been applied before: nothing changed. */
    DUPLICATE,
    /** A count older (lower sequence) than the last applied one of the same device and SKU: kept aside, not applied. */
    STALE,
    /** It cannot be taken as it is: kept as a dead letter with the reason. */
    DEAD_LETTERED
}
