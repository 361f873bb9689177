package io.maestro.decisions;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** The variables a process passes to a decision; null values allowed, as a process may leave one unset. */
final class Inputs {

    private final Map<String, Object> values;

    private Inputs(Map<String, Object> values) {
        this.values = values;
    }

    static Inputs of(Object... namesAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Inputs(values);
    }

    /** A copy with one variable changed. */
    Inputs with(String name, Object value) {
        Map<String, Object> copy = new HashMap<>(values);
        copy.put(name, value);
        return new Inputs(copy);
    }

    Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
