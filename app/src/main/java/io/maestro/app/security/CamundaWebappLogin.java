package io.maestro.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The login form of Cockpit, Tasklist and Admin (shown after their logout) posts user name and password to
 * {@code /camunda/api/admin/auth/user/{engine}/login/{app}}: this filter checks them against the same identity
 * service as every other login, starts the same session as the console's login page, and answers what the webapps
 * expect ({@code userId}, {@code authorizedApps}).
 */
class CamundaWebappLogin extends AbstractAuthenticationProcessingFilter {

    static final String PATH = "/camunda/api/admin/auth/user/*/login/*";

    CamundaWebappLogin(AuthenticationManager people, ProcessEngine engine, ObjectMapper json) {
        super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PATH), people);
        setSecurityContextRepository(new HttpSessionSecurityContextRepository());
        setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
        setAuthenticationSuccessHandler((request, response, authentication) -> {
            // The webapps read who is logged in from their own record in the session, written here as their login
            // would (for other requests the container-based filter writes it, but not for this path).
            Authentications webapps = AuthenticationUtil.getAuthsFromSession(request.getSession());
            webapps.addOrReplace(AuthenticationUtil.createAuthentication(engine, authentication.getName()));
            AuthenticationUtil.updateSession(request.getSession(), webapps);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(),
                    Map.of("userId", authentication.getName(), "authorizedApps", authorizedApps(authentication)));
        });
        setAuthenticationFailureHandler((request, response, e) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Map.of("type", "AuthenticationException",
                    "message", "Bad user name or password"));
        });
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        String user = request.getParameter("username");
        String password = request.getParameter("password");
        return getAuthenticationManager().authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                user == null ? "" : user.trim(), password == null ? "" : password));
    }

    private static List<String> authorizedApps(Authentication authentication) {
        List<String> apps = new ArrayList<>(List.of("cockpit", "tasklist", "welcome"));
        if (authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()))) {
            apps.add("admin");
        }
        return apps;
    }
}
