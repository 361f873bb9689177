package io.maestro.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.maestro.core.IdempotencyConflictException;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.NotFoundException;
import io.maestro.core.StateConflictException;
import io.maestro.core.Violation;
import io.maestro.core.inventory.InsufficientStockException;
import io.maestro.core.inventory.InventoryConflictException;
import io.maestro.integrations.channels.MalformedPayloadException;
import io.maestro.processes.rollout.RolloutConflictException;
import io.maestro.integrations.channels.SignatureRejectedException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 problem document. Content errors list every bad field in
 * {@code errors: [{field, message}]}: {@code 422} for bad content (a value of the wrong type included), {@code 409}
 * naming an idempotency key reused for other content; malformed JSON is {@code 400} and names where it broke.
 */
@ConditionalOnWebApplication
@RestControllerAdvice(basePackages = "io.maestro.app.api")
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(Integer.class, int.class, Long.class, long.class,
            Short.class, short.class, BigInteger.class);

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors(e.violations()));
        return problem;
    }

    @ExceptionHandler(SignatureRejectedException.class)
    ProblemDetail unsigned(SignatureRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle("Signature rejected");
        return problem;
    }

    @ExceptionHandler(MalformedPayloadException.class)
    ProblemDetail malformed(MalformedPayloadException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Malformed request body");
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InsufficientStockException.class)
    ProblemDetail insufficient(InsufficientStockException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Insufficient stock");
        problem.setProperty("nodeId", e.nodeId());
        problem.setProperty("sku", e.sku());
        problem.setProperty("available", e.available());
        return problem;
    }

    @ExceptionHandler(InventoryConflictException.class)
    ProblemDetail conflict(InventoryConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(StateConflictException.class)
    ProblemDetail stateConflict(StateConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not possible in the order's current state");
        return problem;
    }

    @ExceptionHandler(RolloutConflictException.class)
    ProblemDetail rolloutConflict(RolloutConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not possible in the rollout's current state");
        return problem;
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ProblemDetail keyReused(IdempotencyConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Idempotency key reused");
        problem.setProperty("errors", errors(List.of(new Violation(e.field(), e.getMessage()))));
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "one of " + Arrays.toString(e.getRequiredType().getEnumConstants())
                : e.getRequiredType() == null ? "another value" : "a " + e.getRequiredType().getSimpleName();
        String message = "'" + e.getValue() + "' is not " + expected;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getName() + ": " + message);
        problem.setProperty("errors", errors(List.of(new Violation(e.getName(), message))));
        return problem;
    }

    /**
     * Valid JSON with a value of the wrong type in a field ({@code "quantity": 1.5}, {@code "preference": "SLOWEST"})
     * is bad content, {@code 422} naming the field by its JSON path; JSON that does not parse is {@code 400}.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                && !brokenJson(mismatch)) {
            String field = path(mismatch.getPath());
            String message = message(mismatch);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                    field + ": " + message);
            problem.setTitle("Invalid request");
            problem.setProperty("errors", errors(List.of(new Violation(field, message))));
            return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Malformed request body");
        problem.setDetail(e.getCause() instanceof JsonProcessingException json
                ? "Not valid JSON: " + json.getOriginalMessage()
                : "The request body is missing or not valid JSON");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A body that ends too early is broken JSON even when Jackson met the end while binding a field. */
    private static boolean brokenJson(MismatchedInputException e) {
        String message = e.getOriginalMessage();
        return message != null && message.contains("end-of-input");
    }

    private static String message(MismatchedInputException mismatch) {
        Class<?> target = mismatch.getTargetType();
        Object value = mismatch instanceof InvalidFormatException format ? format.getValue() : null;
        if (target != null && target.isEnum()) {
            return "'" + value + "' is not one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target != null && WHOLE_NUMBERS.contains(target)) {
            return value == null ? "must be a whole number" : "'" + value + "' is not a whole number";
        }
        return mismatch.getOriginalMessage();
    }

    private static String path(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static List<Map<String, String>> errors(List<Violation> violations) {
        return violations.stream().map(v -> Map.of("field", v.field(), "message", v.message()))
                .collect(Collectors.toList());
    }
}
