package org.silkgrant.account.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two filter chains: the JSON API is stateless with HTTP Basic and no CSRF; pages use the session, form login
 * and CSRF tokens. Both throttle sign-in per client address, enforce the staff second factor, and send the
 * security headers, with a content security policy that allows no inline script.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /** Adaptive hashes (bcrypt by default, Argon2 and others recognised by their prefix). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Password sign-in with the per-address lock; the only provider, for the login form and HTTP Basic alike. */
    @Bean
    AuthenticationProvider passwordSignIn(UserDetailsService details, PasswordEncoder encoder, Lockouts lockouts,
            UserAccountRepository users) {
        return new AddressAwareAuthenticationProvider(details, encoder, lockouts, users);
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain api(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/v1/calls", "/api/v1/calls/*", "/api/v1/calls/*/notice").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/organizations/registrations").permitAll()
                        // Where a call allows it, the public objects with a verified e-mail address (docs/award.md).
                        .requestMatchers(HttpMethod.POST, "/api/v1/calls/*/notice/public-objections",
                                "/api/v1/calls/*/notice/public-objections/codes").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/receipts/public-key").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new LoginThrottleFilter(throttle, true), BasicAuthenticationFilter.class)
                .addFilterAfter(new SecondFactorFilter(true), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeFilter(true), SecondFactorFilter.class)
                .headers(this::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        // The public notice (公示) of a call is for everyone; an objection needs a sign-in, or a verified
                        // e-mail address where the call allows objections from the public.
                        .requestMatchers(HttpMethod.GET, "/notices/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/notices/*/public-objection",
                                "/notices/*/public-objection/code").permitAll()
                        .requestMatchers("/", "/calls/*", "/calls/*/guide", "/login", "/session/status", "/register", "/register/**",
                                "/error", "/error/**", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/dashboard", true)
                        .failureUrl("/login?error").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(Customizer.withDefaults())
                .addFilterBefore(new LoginThrottleFilter(throttle, false), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new SecondFactorFilter(false), AuthorizationFilter.class)
                // Same place, added second: the second factor comes before the password change.
                .addFilterBefore(new PasswordChangeFilter(false), AuthorizationFilter.class)
                .headers(this::headers);
        return http.build();
    }

    private void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }
}
