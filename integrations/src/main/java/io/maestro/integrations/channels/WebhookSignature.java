package io.maestro.integrations.channels;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature partners put on a webhook call: header {@code X-Maestro-Signature: sha256=<hex>}, the hex
 * HMAC-SHA256 of the raw body with the partner's secret. Compared in constant time.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Maestro-Signature";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /** The header value for a body signed with a secret. */
    public static String sign(byte[] body, String secret) {
        return PREFIX + HexFormat.of().formatHex(hmac(body, secret));
    }

    public static boolean matches(byte[] body, String secret, String header) {
        if (header == null || !header.startsWith(PREFIX) || secret == null || secret.isEmpty()) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim().toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(body, secret), given);
    }

    private static byte[] hmac(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
