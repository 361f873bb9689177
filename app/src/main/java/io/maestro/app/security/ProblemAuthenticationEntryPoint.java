package io.maestro.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * 401 and 403 as RFC 9457 problem documents. On the API the 401 carries a Basic challenge for curl; pages, the
 * webapps' calls and the console's calls get none, so a browser shows the login page instead of its own Basic prompt.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;
    private final boolean basicChallenge;

    public ProblemAuthenticationEntryPoint(ObjectMapper json) {
        this(json, true);
    }

    private ProblemAuthenticationEntryPoint(ObjectMapper json, boolean basicChallenge) {
        this.json = json;
        this.basicChallenge = basicChallenge;
    }

    /** The same answers without the Basic challenge. */
    public ProblemAuthenticationEntryPoint withoutChallenge() {
        return new ProblemAuthenticationEntryPoint(json, false);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // The console's own calls (X-Requested-With) get none either: the browser would show its Basic prompt.
        if (basicChallenge && request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Maestro\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED,
                "Authentication required: log in, HTTP Basic or an X-Api-Key header (" + e.getMessage() + ")");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        if (e instanceof CsrfException) {
            write(request, response, HttpStatus.FORBIDDEN, "The form's CSRF token is missing or out of date: reload the "
                    + "page and send it again");
            return;
        }
        write(request, response, HttpStatus.FORBIDDEN,
                "Your role may not " + request.getMethod() + " " + request.getRequestURI());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }
}
