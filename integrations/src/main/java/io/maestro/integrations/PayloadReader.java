package io.maestro.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.Violations;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Reads a partner's JSON message field by field and collects every problem with the field's path, so a bad
 * message is refused with all its faults named at once ({@link #done()} throws them).
 */
public final class PayloadReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 64_000;

    private final JsonNode root;
    private final Violations violations = new Violations();

    private PayloadReader(JsonNode root) {
        this.root = root;
    }

    /** Parses the body; a body that is not a JSON object is refused at once. */
    public static PayloadReader of(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("body", "is empty");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidRequestException("body", "must be at most " + MAX_BODY + " characters");
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new InvalidRequestException("body", "must be a JSON object");
            }
            return new PayloadReader(root);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("body", "is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        }
    }

    public JsonNode root() {
        return root;
    }

    public String text(String field, int maxLength) {
        return text(root, field, field, maxLength, true);
    }

    public String optionalText(String field, int maxLength) {
        return text(root, field, field, maxLength, false);
    }

    /** A text field of {@code node}, reported as {@code path}. */
    public String text(JsonNode node, String field, String path, int maxLength, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                violations.add(path, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            violations.add(path, "must be a string");
            return null;
        }
        String text = value.asText();
        if (required && text.isBlank()) {
            violations.add(path, "is required");
            return null;
        }
        if (text.length() > maxLength) {
            violations.add(path, "must be at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String text = text(field, 40);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            violations.add(field, "'" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    public Integer positiveInt(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            violations.add(path, "is required");
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() <= 0) {
            violations.add(path, "must be a positive whole number");
            return null;
        }
        return value.intValue();
    }

    public LocalDate date(String field, boolean required) {
        String text = text(root, field, field, 30, required);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(field, "'" + text + "' is not an ISO date (yyyy-MM-dd)");
            return null;
        }
    }

    public OffsetDateTime timestamp(String field) {
        String text = optionalText(field, 40);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(field, "'" + text + "' is not an ISO timestamp with offset");
            return null;
        }
    }

    /** A required, non-empty array of objects. */
    public JsonNode objects(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            violations.add(field, "is required");
            return null;
        }
        if (!value.isArray() || value.isEmpty()) {
            violations.add(field, "must be a non-empty array");
            return null;
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                violations.add(field + "[" + i + "]", "must be an object");
                return null;
            }
        }
        return value;
    }

    public void add(String field, String message) {
        violations.add(field, message);
    }

    /** Throws every problem found, naming each field. */
    public void done() {
        violations.throwIfAny();
    }
}
