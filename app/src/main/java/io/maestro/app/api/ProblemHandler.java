package io.maestro.app.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.NotFoundException;
import io.maestro.core.StateConflictException;
import io.maestro.core.Violation;
import io.maestro.core.inventory.InsufficientStockException;
import io.maestro.core.inventory.InventoryConflictException;
import io.maestro.integrations.channels.MalformedPayloadException;
import io.maestro.integrations.channels.SignatureRejectedException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
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
 * {@code errors: [{field, message}]}; malformed JSON names where it broke.
 */
@ConditionalOnWebApplication
@RestControllerAdvice(basePackages = "io.maestro.app.api")
public class ProblemHandler extends ResponseEntityExceptionHandler {

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

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Malformed request body");
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping.getPath());
            String message = mapping instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()
                    ? "'" + format.getValue() + "' is not one of " + Arrays.toString(format.getTargetType().getEnumConstants())
                    : mapping.getOriginalMessage();
            problem.setDetail(field + ": " + message);
            problem.setProperty("errors", errors(List.of(new Violation(field, message))));
        } else {
            problem.setDetail(e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json
                    ? "Not valid JSON: " + json.getOriginalMessage()
                    : "The request body is missing or not valid JSON");
        }
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
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
