package io.maestro.app.console;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.NotFoundException;
import io.maestro.core.StateConflictException;
import io.maestro.processes.rollout.RolloutConflictException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** What the API answers as problem documents, the console shows as a page with the same status and reasons. */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@ConditionalOnWebApplication
public class ConsoleErrors {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "Not found", List.of(e.getMessage()));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ModelAndView invalid(InvalidRequestException e) {
        return page(HttpStatus.UNPROCESSABLE_ENTITY, "Please correct",
                e.violations().stream().map(v -> v.field() + ": " + v.message()).toList());
    }

    @ExceptionHandler(StateConflictException.class)
    ModelAndView conflict(StateConflictException e) {
        return page(HttpStatus.CONFLICT, "Not possible now", List.of(e.getMessage()));
    }

    @ExceptionHandler(RolloutConflictException.class)
    ModelAndView rolloutConflict(RolloutConflictException e) {
        return page(HttpStatus.CONFLICT, "Not possible now", List.of(e.getMessage()));
    }

    private static ModelAndView page(HttpStatus status, String title, List<String> reasons) {
        ModelAndView page = new ModelAndView("console/problem");
        page.setStatus(status);
        page.addObject("title", title);
        page.addObject("status", status.value());
        page.addObject("reasons", reasons);
        return page;
    }
}
