package io.maestro.routes.webhook;

import io.maestro.core.IdempotencyConflictException;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.StateConflictException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Webhook errors as RFC 9457 problems: a bad signature is 401, bad content 422 naming every field, an event id
 * reused for other content or a second receipt of a purchase order 409.
 */
@RestControllerAdvice(assignableTypes = {PartnerWebhookController.class, ErpReceiptWebhookController.class})
public class WebhookProblems {

    @ExceptionHandler(BadSignatureException.class)
    ProblemDetail badSignature(BadSignatureException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle("Bad signature");
        return problem;
    }

    @ExceptionHandler({StateConflictException.class, IdempotencyConflictException.class})
    ProblemDetail conflict(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        return problem;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Invalid request");
        List<Map<String, String>> errors = e.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", v.message())).toList();
        problem.setProperty("errors", errors);
        return problem;
    }
}
