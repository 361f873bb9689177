package io.maestro.integrations.sandbox;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sandbox partners say why they refuse, as a real partner's API does: {@code application/problem+json} with the
 * reason in {@code detail} ("ORD-1-1 has left ST-NYC-HERALD"), whatever the application's error settings.
 */
@RestControllerAdvice(basePackageClasses = SandboxProblems.class)
public class SandboxProblems {

    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<ProblemDetail> refused(ResponseStatusException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
        return ResponseEntity.status(e.getStatusCode()).body(problem);
    }
}
