package io.maestro.devices.gateway;

import io.maestro.devices.event.DeviceEvent;

/** Published inside the transaction that took a device event into the ledger (listen after commit to see it committed). */
public record DeviceEventApplied(DeviceEvent event, DeviceEventOutcome outcome) {
}
