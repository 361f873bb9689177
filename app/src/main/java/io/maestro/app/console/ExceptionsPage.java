package io.maestro.app.console;

import io.maestro.app.exceptions.OpenExceptions;
import io.maestro.app.exceptions.OrderException.Kind;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** What needs a person, oldest first, as {@code GET /api/exceptions} lists it. */
@Controller
@ConditionalOnWebApplication
public class ExceptionsPage {

    private static final int LIMIT = 500;

    private final OpenExceptions exceptions;

    public ExceptionsPage(OpenExceptions exceptions) {
        this.exceptions = exceptions;
    }

    @GetMapping("/console/exceptions")
    String exceptions(@RequestParam(required = false) Kind kind, Model model) {
        OpenExceptions.Listing listing = exceptions.list(kind, 0, LIMIT);
        model.addAttribute("items", listing.items());
        model.addAttribute("total", listing.total());
        model.addAttribute("kinds", Kind.values());
        model.addAttribute("kind", kind);
        return "console/exceptions";
    }
}
