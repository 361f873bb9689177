package io.maestro.core;

import java.util.ArrayList;
import java.util.List;

/** Collects every violation of a request before failing, so a caller learns all bad fields at once. */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    public Violations require(boolean condition, String field, String message) {
        if (!condition) {
            found.add(new Violation(field, message));
        }
        return this;
    }

    public boolean requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            found.add(new Violation(field, "is required"));
            return false;
        }
        if (value.length() > maxLength) {
            found.add(new Violation(field, "must be at most " + maxLength + " characters"));
            return false;
        }
        return true;
    }

    public void add(String field, String message) {
        found.add(new Violation(field, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidRequestException(found);
        }
    }
}
