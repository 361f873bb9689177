package io.maestro.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which API calls must carry a CSRF token: those that change something and could ride on the login session's cookie.
 * A call that brings its own credentials (HTTP Basic, an API key) or no session at all cannot be forged that way, so
 * machine clients and signed webhooks need no token; an anonymous call still gets its 401.
 */
public class SessionCsrfMatcher implements RequestMatcher {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    public boolean matches(HttpServletRequest request) {
        if (SAFE.contains(request.getMethod())) {
            return false;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        if (request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null) {
            return false;
        }
        return request.getRequestedSessionId() != null && request.isRequestedSessionIdValid();
    }
}
