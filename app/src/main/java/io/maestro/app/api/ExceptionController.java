package io.maestro.app.api;

import io.maestro.app.exceptions.OpenExceptions;
import io.maestro.app.exceptions.OrderException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What operators must look at: every order that needs a person or has stopped moving, with the reason and the step. */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/exceptions")
public class ExceptionController {

    private final OpenExceptions exceptions;

    public ExceptionController(OpenExceptions exceptions) {
        this.exceptions = exceptions;
    }

    @GetMapping
    public Page<OrderException> list(@RequestParam(required = false) OrderException.Kind kind,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size);
        OpenExceptions.Listing listing = exceptions.list(kind, paging.offset(), size);
        return new Page<>(listing.items(), page, size, listing.total());
    }
}
