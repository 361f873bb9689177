package io.maestro.app.api;

import io.maestro.app.exceptions.OpenExceptions;
import io.maestro.app.exceptions.OrderException;
import java.util.List;
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

    /** Oldest first; {@code orderId} narrows the queue to one order's reasons. */
    @GetMapping
    public Page<OrderException> list(@RequestParam(required = false) OrderException.Kind kind,
                                     @RequestParam(required = false) String orderId,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size);
        if (orderId != null && !orderId.isBlank()) {
            List<OrderException> ofOrder = exceptions.list(kind, 0, Integer.MAX_VALUE).items().stream()
                    .filter(e -> e.orderId().equals(orderId)).toList();
            return new Page<>(ofOrder.stream().skip(paging.offset()).limit(size).toList(), page, size, ofOrder.size());
        }
        OpenExceptions.Listing listing = exceptions.list(kind, paging.offset(), size);
        return new Page<>(listing.items(), page, size, listing.total());
    }
}
