package io.maestro.integrations.channels;

/** A payload that cannot be read at all (not JSON, not CSV, not UTF-8): says where it broke. */
public class MalformedPayloadException extends RuntimeException {

    public MalformedPayloadException(String message) {
        super(message);
    }
}
