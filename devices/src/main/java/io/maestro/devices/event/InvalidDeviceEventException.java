package io.maestro.devices.event;

/** A device message that cannot be taken as it is; names the field (or topic level) that is wrong. */
public class InvalidDeviceEventException extends RuntimeException {

    public InvalidDeviceEventException(String field, String message) {
        super(field + ": " + message);
    }

    public InvalidDeviceEventException(String message) {
        super(message);
    }
}
