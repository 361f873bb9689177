package io.maestro.app.security;

import static io.maestro.app.security.Role.ADMIN;
import static io.maestro.app.security.Role.ANALYST;
import static io.maestro.app.security.Role.INTEGRATION;
import static io.maestro.app.security.Role.OPERATOR;
import static io.maestro.app.security.Role.VIEWER;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. People log in (the login page, or HTTP Basic for their programs) against Camunda's identity
 * service, integrations with an API key. The rules below are the whole access policy of Maestro.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SecurityConfiguration {

    /** Changes to users, groups, tenants and authorizations through the webapps' engine API. */
    private static final String[] IDENTITY_CHANGES = {
        "/camunda/api/engine/engine/*/user/create", "/camunda/api/engine/engine/*/user/*/**",
        "/camunda/api/engine/engine/*/group/create", "/camunda/api/engine/engine/*/group/*/**",
        "/camunda/api/engine/engine/*/tenant/create", "/camunda/api/engine/engine/*/tenant/*/**",
        "/camunda/api/engine/engine/*/authorization/create", "/camunda/api/engine/engine/*/authorization/*"};

    /**
     * What Tasklist POSTs to work on a task: analysts too (replenishment proposals wait for them); which tasks each
     * person may take is the engine's task authorization (a candidate group's members), not this list.
     */
    private static final String[] TASK_WORK = {
        "/camunda/api/engine/engine/*/task/*/complete", "/camunda/api/engine/engine/*/task/*/submit-form",
        "/camunda/api/engine/engine/*/task/*/claim", "/camunda/api/engine/engine/*/task/*/unclaim"};

    /** What Cockpit and Tasklist POST to change work in flight (queries are POSTs too and stay open to people). */
    private static final String[] OPERATOR_ACTIONS = {
        "/camunda/api/engine/engine/*/task/*/complete", "/camunda/api/engine/engine/*/task/*/submit-form",
        "/camunda/api/engine/engine/*/task/*/claim", "/camunda/api/engine/engine/*/task/*/unclaim",
        "/camunda/api/engine/engine/*/task/*/assignee", "/camunda/api/engine/engine/*/task/*/delegate",
        "/camunda/api/engine/engine/*/task/*/resolve", "/camunda/api/engine/engine/*/task/*/variables/**",
        "/camunda/api/engine/engine/*/task/*/identity-links/**", "/camunda/api/engine/engine/*/task/create",
        "/camunda/api/engine/engine/*/process-definition/*/start", "/camunda/api/engine/engine/*/process-definition/*/submit-form",
        "/camunda/api/engine/engine/*/process-definition/key/*/start", "/camunda/api/engine/engine/*/process-definition/key/*/submit-form",
        "/camunda/api/engine/engine/*/process-instance/*/modification", "/camunda/api/engine/engine/*/process-instance/*/variables",
        "/camunda/api/engine/engine/*/process-instance/delete", "/camunda/api/engine/engine/*/process-instance/suspended",
        "/camunda/api/engine/engine/*/modification/**", "/camunda/api/engine/engine/*/migration/**",
        "/camunda/api/engine/engine/*/job/**", "/camunda/api/engine/engine/*/job-definition/**",
        "/camunda/api/engine/engine/*/incident/**", "/camunda/api/engine/engine/*/message",
        "/camunda/api/engine/engine/*/signal", "/camunda/api/engine/engine/*/external-task/**",
        "/camunda/api/engine/engine/*/batch/**", "/camunda/api/engine/engine/*/process-instance/*/comment/**"};

    /** Where the webapps' logout button posts. */
    private static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/*/logout";

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    private static final Role[] PEOPLE = {ADMIN, ANALYST, OPERATOR, VIEWER};
    private static final Role[] EVERYONE = {ADMIN, ANALYST, OPERATOR, INTEGRATION, VIEWER};

    @Bean
    AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider people) {
        return new ProviderManager(people);
    }

    /**
     * No observation around each filter of the chains: a timer and a span per filter and request that nothing here
     * reads (HTTP requests are still observed as a whole).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
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
                // The console's login session is read (never created here); what it changes carries its CSRF token.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new SessionCsrfMatcher()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .authenticationManager(people)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(paths(HttpMethod.POST, "/api/orders")).hasAnyRole(names(INTEGRATION, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/orders/*/cancel", "/api/orders/*/change", "/api/orders/*/hold",
                                "/api/orders/*/release", "/api/orders/*/lines/cancel"))
                        .hasAnyRole(names(INTEGRATION, OPERATOR, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/returns")).hasAnyRole(names(INTEGRATION, OPERATOR, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/inventory/adjustments")).hasAnyRole(names(INTEGRATION, OPERATOR, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/inventory/snapshots")).hasAnyRole(names(INTEGRATION, ADMIN))
                        .requestMatchers(paths(HttpMethod.PUT, "/api/inventory/protections/**")).hasAnyRole(names(ANALYST, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/inventory/protections/apply-rules"))
                        .hasAnyRole(names(ANALYST, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/nodes")).hasAnyRole(names(ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/nodes/*/pause", "/api/nodes/*/open"))
                        .hasAnyRole(names(OPERATOR, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/skus")).hasAnyRole(names(INTEGRATION, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/allocation/waves")).hasAnyRole(names(ANALYST, ADMIN))
                        .requestMatchers(paths(null, "/api/simulations", "/api/simulations/**")).hasAnyRole(names(ANALYST, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/forecasts/*/refresh")).hasAnyRole(names(ANALYST, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/decisions/*/rollouts", "/api/decisions/*/rollouts/**"))
                        .hasAnyRole(names(ANALYST, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/replenishment/*/run")).hasAnyRole(names(ANALYST, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/transfers")).hasAnyRole(names(ANALYST, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/api/transfers/*/receipts"))
                        .hasAnyRole(names(INTEGRATION, OPERATOR, ADMIN))
                        // Partner and channel webhooks: the HMAC signature of the body is the authentication (checked
                        // by the webhook).
                        .requestMatchers(paths(HttpMethod.POST, "/api/partners/nodes/*/events", "/api/partners/carriers/*/tracking",
                                "/api/partners/erp/receipts", "/api/partners/nodes/*/transfer-receipts",
                                "/api/channels/*/orders")).permitAll()
                        .requestMatchers(paths(HttpMethod.POST, "/api/erp/**")).hasAnyRole(names(INTEGRATION, ADMIN))
                        .requestMatchers(paths(HttpMethod.GET, "/api/dead-letters", "/api/dead-letters/**"))
                        .hasAnyRole(names(OPERATOR, ADMIN, VIEWER))
                        .requestMatchers(paths(HttpMethod.POST, "/api/dead-letters/*/replay", "/api/dead-letters/*/discard"))
                        .hasAnyRole(names(OPERATOR, ADMIN))
                        .requestMatchers(paths(null, "/api/api-keys", "/api/api-keys/**")).hasAnyRole(names(ADMIN))
                        .requestMatchers(paths(HttpMethod.GET, "/api/exceptions")).hasAnyRole(names(OPERATOR, ADMIN, VIEWER))
                        .requestMatchers(paths(HttpMethod.GET, "/api/**")).hasAnyRole(names(EVERYONE))
                        .requestMatchers(paths(null, "/engine-rest/external-task/**")).hasAnyRole(names(INTEGRATION, ADMIN))
                        .requestMatchers(paths(HttpMethod.GET, "/engine-rest/**")).hasAnyRole(names(PEOPLE))
                        .requestMatchers(paths(null, "/engine-rest/deployment/**", "/engine-rest/decision-definition/**"))
                        .hasAnyRole(names(ANALYST, ADMIN))
                        .requestMatchers(paths(null, "/engine-rest/**")).hasAnyRole(names(OPERATOR, ADMIN))
                        .anyRequest().denyAll())
                .build();
    }

    /**
     * Pages (the console's shells) and the Camunda webapps: people log in on {@code /login} (or on the webapps' own
     * login form) and keep a session until they log out; a page asked for without a session leads to the login page, a
     * call without one is a 401 without a Basic challenge (no browser prompt). HTTP Basic still works for programs.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, AuthenticationManager people, ObjectMapper json,
                                    ProcessEngine engine, ProblemAuthenticationEntryPoint problems) throws Exception {
        ProblemAuthenticationEntryPoint noPrompt = problems.withoutChallenge();
        return http
                // Camunda's webapps carry their own CSRF protection; the sandbox partners are called by programs.
                .csrf(csrf -> csrf.ignoringRequestMatchers(paths(null, "/camunda/**", "/sandbox/**")))
                .authenticationManager(people)
                .httpBasic(basic -> basic.authenticationEntryPoint(noPrompt))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", false).permitAll())
                .addFilterBefore(new CamundaWebappLogin(people, engine, json), UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(paths(HttpMethod.POST, "/logout", CAMUNDA_LOGOUT)))
                        .logoutSuccessHandler((request, response, authentication) -> {
                            if (PATHS.matcher(HttpMethod.POST, CAMUNDA_LOGOUT).matches(request)) {
                                response.setStatus(HttpStatus.OK.value());
                            } else {
                                response.sendRedirect(request.getContextPath() + "/login?logout");
                            }
                        }))
                .exceptionHandling(e -> e.authenticationEntryPoint(pagesToLogin(noPrompt)).accessDeniedHandler(problems))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(paths(null, "/actuator/health/**", "/actuator/health", "/actuator/info")).permitAll()
                        .requestMatchers(paths(HttpMethod.GET, "/actuator/prometheus")).hasAnyRole(names(ADMIN, OPERATOR, VIEWER))
                        .requestMatchers(paths(null, "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")).permitAll()
                        .requestMatchers(paths(null, "/error", "/favicon.ico", "/console/assets/**")).permitAll()
                        .requestMatchers(paths(HttpMethod.GET, "/login")).permitAll()
                        .requestMatchers(paths(HttpMethod.POST, CamundaWebappLogin.PATH)).permitAll()
                        // The webapps' login form first asks which engines there are (their names only).
                        .requestMatchers(paths(HttpMethod.GET, "/camunda/api/engine/engine", "/camunda/api/engine/engine/"))
                        .permitAll()
                        // Sandbox partners of the default run: stand-ins for outside systems, open like theirs would be
                        // (off in production: maestro.sandbox.enabled).
                        .requestMatchers(paths(null, "/sandbox/**")).permitAll()
                        // The console's pages are shells: what they show and send goes through the API's rules.
                        .requestMatchers(paths(HttpMethod.GET, "/console/exceptions", "/console/dead-letters"))
                        .hasAnyRole(names(OPERATOR, ADMIN, VIEWER))
                        .requestMatchers(paths(HttpMethod.GET, "/console", "/console/**")).hasAnyRole(names(PEOPLE))
                        // Every webapp asks the admin app who is logged in.
                        .requestMatchers(paths(HttpMethod.GET, "/camunda/api/admin/auth/user/*")).hasAnyRole(names(PEOPLE))
                        .requestMatchers(paths(null, "/camunda/app/admin/**", "/camunda/api/admin/**")).hasAnyRole(names(ADMIN))
                        .requestMatchers(paths(null, IDENTITY_CHANGES)).hasAnyRole(names(ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, "/camunda/api/engine/engine/*/deployment/create"))
                        .hasAnyRole(names(ANALYST, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, TASK_WORK)).hasAnyRole(names(ANALYST, OPERATOR, ADMIN))
                        .requestMatchers(paths(HttpMethod.POST, OPERATOR_ACTIONS)).hasAnyRole(names(OPERATOR, ADMIN))
                        .requestMatchers(paths(HttpMethod.PUT, "/camunda/api/**")).hasAnyRole(names(OPERATOR, ADMIN))
                        .requestMatchers(paths(HttpMethod.DELETE, "/camunda/api/**")).hasAnyRole(names(OPERATOR, ADMIN))
                        .requestMatchers(paths(null, "/camunda/**")).hasAnyRole(names(PEOPLE))
                        .requestMatchers(paths(null, "/")).permitAll()
                        .anyRequest().denyAll())
                .build();
    }

    /** A page (the browser asks for HTML) leads to the login page; anything else is a 401 problem. */
    private static AuthenticationEntryPoint pagesToLogin(AuthenticationEntryPoint calls) {
        MediaTypeRequestMatcher pages = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        pages.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
        entryPoints.put(pages, new LoginUrlAuthenticationEntryPoint("/login"));
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
        entryPoint.setDefaultEntryPoint(calls);
        return entryPoint;
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
