package io.maestro.devices.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a device message (topic and JSON payload) into a {@link DeviceEvent}, and writes the payload contracts.
 * A bad message fails with every wrong field named at once.
 */
public class DeviceEventMapper {

    static final int MAX_PAYLOAD_CHARS = 4096;
    static final long MAX_QUANTITY = 1_000_000_000L;
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,40}");

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public DeviceEvent read(String topic, String payload) {
        DeviceTopic where = DeviceTopic.parse(topic);
        JsonNode body = parse(payload);
        String quantityField = where.type() == DeviceEventType.RFID_COUNT ? "count" : "quantity";
        List<String> errors = new ArrayList<>();
        String eventId = text(body, "eventId", errors);
        if (eventId != null && !EVENT_ID.matcher(eventId).matches()) {
            errors.add("eventId: '" + eventId + "' must be 1 to 40 letters, digits, '.', '_', ':' or '-'");
        }
        Long sequence = whole(body, "sequence", 0, Long.MAX_VALUE, errors);
        Instant timestamp = instant(body, errors);
        String sku = text(body, "sku", errors);
        if (sku != null && sku.length() > 64) {
            errors.add("sku: must be at most 64 characters");
        }
        Long quantity = whole(body, quantityField, where.type() == DeviceEventType.RFID_COUNT ? 0 : 1, MAX_QUANTITY, errors);
        if (!errors.isEmpty()) {
            throw new InvalidDeviceEventException(String.join("; ", errors));
        }
        return new DeviceEvent(where, eventId, sequence, timestamp, sku, quantity);
    }

    public String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + payload, e);
        }
    }

    private JsonNode parse(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new InvalidDeviceEventException("payload", "is empty");
        }
        if (payload.length() > MAX_PAYLOAD_CHARS) {
            throw new InvalidDeviceEventException("payload", "is " + payload.length() + " characters, at most "
                    + MAX_PAYLOAD_CHARS + " are taken");
        }
        JsonNode body;
        try {
            body = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidDeviceEventException("payload", "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw new InvalidDeviceEventException("payload", "must be a JSON object");
        }
        return body;
    }

    private static String text(JsonNode body, String field, List<String> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            errors.add(field + ": is required");
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            errors.add(field + ": must be a non-empty string, not " + shown(value));
            return null;
        }
        return value.asText();
    }

    private static Long whole(JsonNode body, String field, long min, long max, List<String> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            errors.add(field + ": is required");
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            errors.add(field + ": must be a whole number, not " + shown(value));
            return null;
        }
        long number = value.longValue();
        if (number < min || number > max) {
            errors.add(field + ": must be between " + min + " and " + max + ", not " + number);
            return null;
        }
        return number;
    }

    private static Instant instant(JsonNode body, List<String> errors) {
        String text = text(body, "timestamp", errors);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add("timestamp: '" + text + "' is not an ISO-8601 date-time with offset, e.g. 2026-11-27T09:30:00Z");
            return null;
        }
    }

    private static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
