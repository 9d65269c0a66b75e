package cn.dibao.common.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import java.io.IOException;
import java.util.Locale;

/**
 * Three filter chains: the JSON API under /api/v1 with HTTP Basic, stateless and without CSRF;
 * its OpenAPI document with HTTP Basic or a page session; the staff pages with form login, CSRF
 * and an idle session timeout. All use the same accounts, so lock-out after failed logins applies
 * to each.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    /** Written by administrators only (reads follow the scope, as on the pages). */
    static final String[] ADMIN_API = {"/api/v1/areas", "/api/v1/areas/**", "/api/v1/standards", "/api/v1/standards/**"};
    /** The OpenAPI document: other systems read it with HTTP Basic, the Swagger UI with the page's session. */
    static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml"};

    static final String[] PUBLIC_PATHS = {"/login", "/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico",
            "/error", "/actuator/health", "/actuator/health/**"};

    /**
     * BCrypt, with a credential verified within {@code dibao.security.credential-cache} not hashed again
     * ({@link VerifiedCredentials}; 0 turns it off).
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${dibao.security.credential-cache:60s}") java.time.Duration ttl) {
        return new VerifiedCredentials(new BCryptPasswordEncoder(), ttl, 10_000, System::nanoTime);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, MessageSource messages) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        // case actions: every staff role but the read-only auditor (the service checks
                        // the role, area and four-eyes of each step); refused before the body is read
                        .requestMatchers(HttpMethod.POST, "/api/v1/applications", "/api/v1/applications/**")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.REVIEWER.name(), Role.ADMIN.name())
                        // administration (areas, standards, the standard simulator): the administrator's,
                        // as /admin/** on the pages; refused before the body is read
                        .requestMatchers(HttpMethod.POST, ADMIN_API).hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.PUT, ADMIN_API).hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated());
        basicWithProblems(http, messages)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    /** HTTP Basic for other systems: a missing or wrong login is a 401 problem, a refused one a 403 problem. */
    private static HttpSecurity basicWithProblems(HttpSecurity http, MessageSource messages) throws Exception {
        return http.httpBasic(b -> b.authenticationEntryPoint((req, res, ex) ->
                        problem(res, HttpServletResponse.SC_UNAUTHORIZED, messages, "error.401.title", true)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) ->
                                problem(res, HttpServletResponse.SC_UNAUTHORIZED, messages, "error.401.title", true))
                        .accessDeniedHandler((req, res, ex) ->
                                problem(res, HttpServletResponse.SC_FORBIDDEN, messages, "error.403.title", false)))
                .requestCache(c -> c.disable());
    }

    /**
     * The API's description, for any signed-in staff member: HTTP Basic as on the API (401 and 403 as
     * problems), or the session of a staff member signed in on the pages (the Swagger UI). It never
     * creates a session; it is read-only, so CSRF does not apply.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocsChain(HttpSecurity http, MessageSource messages) throws Exception {
        http.securityMatcher(API_DOCS)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated());
        basicWithProblems(http, messages).sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/audit/**").hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/households/*/eligibility").hasAnyRole(Role.CASEWORKER.name(),
                                Role.REVIEWER.name())
                        .requestMatchers(HttpMethod.GET, "/eligibility-checks/**").hasAnyRole(Role.CASEWORKER.name(),
                                Role.REVIEWER.name(), Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/households/**").hasAnyRole(Role.CASEWORKER.name(),
                                Role.REVIEWER.name(), Role.AUDITOR.name())
                        // Revealing an ID number changes nothing; which readers may do it is
                        // dibao.privacy.reveal-roles, checked (and audited) by the service.
                        .requestMatchers(HttpMethod.POST, "/households/*/persons/*/reveal").hasAnyRole(
                                Role.CASEWORKER.name(), Role.REVIEWER.name(), Role.AUDITOR.name())
                        // 收款账户 (payout): township caseworkers and county reviewers change them (the
                        // service checks again); revealing their numbers is the reveal-roles' right, audited
                        .requestMatchers(HttpMethod.POST, "/households/*/payment-accounts/*/reveal").hasAnyRole(
                                Role.CASEWORKER.name(), Role.REVIEWER.name(), Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.POST, "/households/*/payment-accounts",
                                "/households/*/payment-accounts/**").hasAnyRole(Role.CASEWORKER.name(),
                                Role.REVIEWER.name())
                        .requestMatchers("/households/**").hasRole(Role.CASEWORKER.name())
                        // cases: who may do which step is the service's rule (role, area, four-eyes)
                        .requestMatchers(HttpMethod.GET, "/applications/**").hasAnyRole(Role.CASEWORKER.name(),
                                Role.REVIEWER.name(), Role.AUDITOR.name())
                        .requestMatchers("/applications/**").hasAnyRole(Role.CASEWORKER.name(), Role.REVIEWER.name())
                        // Stored documents (scans with personal data): the roles that read case files.
                        .requestMatchers(HttpMethod.GET, "/documents/**").hasAnyRole(Role.CASEWORKER.name(),
                                Role.REVIEWER.name(), Role.AUDITOR.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").failureUrl("/login?error").successHandler(successHandler())
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .frameOptions(f -> f.deny()))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        return http.build();
    }

    /** A first login with an initial password goes straight to the change-password page. */
    private static AuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
        saved.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof StaffPrincipal p && p.mustChangePassword()) {
                response.sendRedirect(request.getContextPath() + PasswordChangeRequiredInterceptor.CHANGE_PASSWORD_PATH);
                return;
            }
            saved.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static void problem(HttpServletResponse res, int status, MessageSource messages, String titleKey,
                                boolean challenge) throws IOException {
        if (challenge) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"dibao\", charset=\"UTF-8\"");
        }
        String title = messages.getMessage(titleKey, null, titleKey, Locale.SIMPLIFIED_CHINESE);
        res.setStatus(status);
        res.setCharacterEncoding("UTF-8");
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.getWriter().write("{\"type\":\"urn:dibao:problem:" + (status == 401 ? "unauthorized" : "forbidden")
                + "\",\"title\":\"" + title.replace("\"", "'") + "\",\"status\":" + status + "}");
    }

}
