package io.maestro.routes.webhook;

/** A webhook whose signature header is missing or does not match the body with the partner's secret. */
public class BadSignatureException extends RuntimeException {

    public BadSignatureException(String partner) {
        super("Missing or wrong X-Maestro-Signature for " + partner);
    }
}
