package io.maestro.app.api;

import io.maestro.core.NotFoundException;
import io.maestro.core.deadletter.DeadLetter;
import io.maestro.core.deadletter.DeadLetterStatus;
import io.maestro.core.deadletter.DeadLetters;
import java.security.Principal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Input no route could take, for operators: list and read it with its reason, replay it through its source once
 * the cause is fixed (a failing replay answers with the reason and leaves it OPEN), or discard it with a note.
 */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/dead-letters")
public class DeadLetterController {

    public record Discard(String note) {
    }

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    public Page<DeadLetter> list(@RequestParam(required = false) String source,
                                 @RequestParam(required = false) DeadLetterStatus status,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size);
        return new Page<>(deadLetters.list(source, status, paging.offset(), size), page, size,
                deadLetters.count(source, status));
    }

    @GetMapping("/{id}")
    public DeadLetter get(@PathVariable long id) {
        return deadLetters.find(id).orElseThrow(() -> new NotFoundException("Dead letter", String.valueOf(id)));
    }

    @PostMapping("/{id}/replay")
    public DeadLetter replay(@PathVariable long id, Principal principal) {
        return deadLetters.replay(id, principal.getName());
    }

    @PostMapping("/{id}/discard")
    public DeadLetter discard(@PathVariable long id, @RequestBody(required = false) Discard discard, Principal principal) {
        return deadLetters.discard(id, principal.getName(), discard == null ? null : discard.note());
    }
}
