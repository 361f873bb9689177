package io.maestro.app.api;

import io.maestro.core.Violations;

/** Page and size query parameters, checked. */
record Paging(int page, int size) {

    static final int MAX_SIZE = 500;

    static Paging of(int page, int size) {
        Violations v = new Violations();
        v.require(page >= 0, "page", "must be 0 or more");
        v.require(size >= 1 && size <= MAX_SIZE, "size", "must be between 1 and " + MAX_SIZE);
        v.throwIfAny();
        return new Paging(page, size);
    }

    int offset() {
        return page * size;
    }
}
