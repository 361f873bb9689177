package io.maestro.app.security;

import static io.maestro.app.security.Role.ADMIN;
import static io.maestro.app.security.Role.ANALYST;
import static io.maestro.app.security.Role.INTEGRATION;
import static io.maestro.app.security.Role.OPERATOR;
import static io.maestro.app.security.Role.VIEWER;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. People authenticate with HTTP Basic against Camunda's identity service,
 * integrations with an API key. The rules below are the whole access policy of Maestro.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    private static final Role[] PEOPLE = {ADMIN, ANALYST, OPERATOR, VIEWER};
    private static final Role[] EVERYONE = {ADMIN, ANALYST, OPERATOR, INTEGRATION, VIEWER};

    @Bean
    AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider people) {
        return new ProviderManager(people);
    }

    @Bean
    ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint(ObjectMapper json) {
        return new ProblemAuthenticationEntryPoint(json);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager people, ApiKeys keys,
                                    ProblemAuthenticationEntryPoint problems) throws Exception {
        return http
                .securityMatcher(new OrRequestMatcher(paths(null, "/api/**", "/engine-rest/**")))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(people)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(paths(HttpMethod.POST, "/api/orders")).hasAnyRole(names(INTEGRATION, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/orders/*/cancel")).hasAnyRole(names(INTEGRATION, OPERATOR, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/inventory/adjustments")).hasAnyRole(names(INTEGRATION, OPERATOR, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/inventory/snapshots")).hasAnyRole(names(INTEGRATION, ADMIN))
                        .requestMatchers(paths(HttpMethod.PUT, "/api/inventory/protections/**")).hasAnyRole(names(ANALYST, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/nodes")).hasAnyRole(names(ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/nodes/*/pause", "/api/nodes/*/open"))
                        .hasAnyRole(names(OPERATOR, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/skus")).hasAnyRole(names(INTEGRATION, ADMIN))
                        .requestMatchers(paths(HttpMethod.GET, "/api/**")).hasAnyRole(names(EVERYONE))
                        .requestMatchers(paths(null, "/engine-rest/external-task/**")).hasAnyRole(names(INTEGRATION, ADMIN))
                        .requestMatchers(paths(HttpMethod.GET, "/engine-rest/**")).hasAnyRole(names(PEOPLE))
                        .requestMatchers(paths(null, "/engine-rest/deployment/**", "/engine-rest/decision-definition/**"))
                        .hasAnyRole(names(ANALYST, ADMIN))
                        .requestMatchers(paths(null, "/engine-rest/**")).hasAnyRole(names(OPERATOR, ADMIN))
                        .anyRequest().denyAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, AuthenticationManager people,
                                    ProblemAuthenticationEntryPoint problems) throws Exception {
        return http
                // Camunda's webapps carry their own CSRF protection.
                .csrf(AbstractHttpConfigurer::disable)
                .authenticationManager(people)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(paths(null, "/actuator/health/**", "/actuator/health", "/actuator/info")).permitAll()
                        .requestMatchers(paths(null, "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")).permitAll()
                        .requestMatchers(paths(null, "/error", "/favicon.ico")).permitAll()
                        .requestMatchers(paths(null, "/camunda/app/admin/**", "/camunda/api/admin/**")).hasAnyRole(names(ADMIN))
                        .requestMatchers(paths(null, "/camunda/**")).hasAnyRole(names(PEOPLE))
                        .requestMatchers(paths(null, "/")).permitAll()
                        .anyRequest().denyAll())
                .build();
    }

    /** Runs after Spring Security's chain, so the webapps see the person it authenticated. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityCamundaAuthentication.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(101);
        return registration;
    }

    /** Matches on the whole path, so rules also hold for the engine REST and webapp servlets. */
    private static RequestMatcher[] paths(HttpMethod method, String... patterns) {
        return Arrays.stream(patterns).map(pattern -> PATHS.matcher(method, pattern)).toArray(RequestMatcher[]::new);
    }

    private static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
