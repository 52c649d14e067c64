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
 * A user whose password someone else chose (the first-start bootstrap's one-time password) changes it before
 * anything else: every page but the account page (and sign-out, the second factor, static files, errors) leads there.
 * On the API only changing the password is allowed.
 */
public class PasswordChangeFilter extends OncePerRequestFilter {

    /** Session attribute set once the password has been changed in this session. */
    public static final String CHANGED = PasswordChangeFilter.class.getName() + ".CHANGED";

    private static final List<String> OPEN = List.of("/account", "/mfa", "/logout", "/css/", "/js/", "/webjars/",
            "/error", "/favicon.ico");

    private final boolean api;

    PasswordChangeFilter(boolean api) {
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SilkGrantUser user
                && user.passwordChangeRequired()) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (api) {
                if (!("POST".equals(request.getMethod()) && "/api/v1/me/password".equals(path))) {
                    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                    response.setContentType("application/problem+json");
                    response.getWriter().write("{\"type\":\"https://silkgrant.org/problems/password-change\",\"title\":"
                            + "\"Forbidden\",\"status\":403,\"detail\":\"The password of this account was set by "
                            + "someone else: change it first (POST /api/v1/me/password).\"}");
                    return;
                }
            } else {
                HttpSession session = request.getSession(false);
                boolean changed = session != null && session.getAttribute(CHANGED) != null;
                if (!changed && OPEN.stream().noneMatch(path::startsWith)) {
                    response.sendRedirect(request.getContextPath() + "/account?changePassword");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
