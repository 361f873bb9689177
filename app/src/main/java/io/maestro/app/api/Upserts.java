package io.maestro.app.api;

import io.maestro.core.Saved;
import java.net.URI;
import org.springframework.http.ResponseEntity;

/** POST as create-or-replace: 201 with a Location when the resource is new, 200 when it replaced one. */
final class Upserts {

    private Upserts() {
    }

    static <T> ResponseEntity<T> response(Saved<T> saved, String location) {
        return saved.created()
                ? ResponseEntity.created(URI.create(location)).body(saved.value())
                : ResponseEntity.ok(saved.value());
    }
}
