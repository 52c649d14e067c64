package org.silkgrant.account.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.silkgrant.account.SilkGrantUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until a user who needs a second factor has passed it in this session, every page but the second-factor page
 * (and sign-out, static files, errors) leads there. On the API, such users are refused: they use the browser.
 */
public class SecondFactorFilter extends OncePerRequestFilter {

    /** Session attribute set once the second factor is passed. */
    public static final String PASSED = SecondFactorFilter.class.getName() + ".PASSED";

    private static final List<String> OPEN = List.of("/mfa", "/logout", "/css/", "/js/", "/webjars/", "/error",
            "/favicon.ico");

    private final boolean api;

    public SecondFactorFilter(boolean api) {
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SilkGrantUser user
                && user.secondFactorRequired()) {
            if (api) {
                SecurityContextHolder.clearContext();
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"type\":\"https://silkgrant.org/problems/second-factor\",\"title\":"
                        + "\"Unauthorized\",\"status\":401,\"detail\":\"This account signs in with a second factor "
                        + "in the browser; HTTP Basic is not accepted for it.\"}");
                return;
            }
            HttpSession session = request.getSession(false);
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if ((session == null || session.getAttribute(PASSED) == null) && OPEN.stream().noneMatch(path::startsWith)) {
                response.sendRedirect(request.getContextPath() + "/mfa");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
