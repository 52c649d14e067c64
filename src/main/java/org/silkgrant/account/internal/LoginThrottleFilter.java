package org.silkgrant.account.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses sign-in attempts from a throttled client address before any password is checked. */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final boolean api;

    LoginThrottleFilter(LoginThrottle throttle, boolean api) {
        this.throttle = throttle;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean attempt = api ? request.getHeader("Authorization") != null
                : "POST".equals(request.getMethod())
                        && "/login".equals(request.getRequestURI().substring(request.getContextPath().length()));
        if (attempt && throttle.isThrottled(request.getRemoteAddr())) {
            if (api) {
                response.setStatus(429);
                response.setHeader("Retry-After", "600");
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"type\":\"https://silkgrant.org/problems/throttled\",\"title\":"
                        + "\"Too Many Requests\",\"status\":429,\"detail\":\"Too many failed sign-ins from this address; "
                        + "try again later.\"}");
            } else {
                response.sendRedirect(request.getContextPath() + "/login?throttled");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
