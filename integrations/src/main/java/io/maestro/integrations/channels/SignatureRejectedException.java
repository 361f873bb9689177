package io.maestro.integrations.channels;

/** A webhook call whose signature is missing or wrong, or whose channel has no secret: nothing was read or stored. */
public class SignatureRejectedException extends RuntimeException {

    public SignatureRejectedException(String message) {
        super(message);
    }
}
