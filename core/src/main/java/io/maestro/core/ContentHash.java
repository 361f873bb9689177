package io.maestro.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The fingerprint of what a request means, stored beside its idempotency key: SHA-256 (hex) of its fields in a fixed
 * order, written as a JSON array. Callers pass the fields after defaults are applied, so two bodies that differ only
 * in key order, whitespace, unknown fields or an explicit default have the same hash; {@link #number} makes
 * {@code 19.9} and {@code 19.90} the same amount.
 */
public final class ContentHash {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContentHash() {
    }

    /** The hash of these fields in this order (strings, numbers, booleans, nulls and lists of them). */
    public static String of(Object... fields) {
        try {
            byte[] canonical = JSON.writeValueAsBytes(Arrays.asList(fields));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash request content", e);
        }
    }

    /** An amount by its value: trailing zeros dropped, never in exponent notation. */
    public static String number(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
