package org.silkgrant.account.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.account.internal.SecondFactorFilter;
import org.silkgrant.account.internal.SecondFactorService;
import org.silkgrant.account.internal.SignInTracker;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second factor of officers and admins after their password: enrolment with a QR code the first time, then a
 * six-digit code at every sign-in. Wrong codes count as failed sign-ins, so guessing ends in the account lock.
 */
@Controller
class SecondFactorController {

    private final SecondFactorService secondFactor;
    private final SignInTracker tracker;
    private final AccountManagement accounts;
    private final MessageSource messages;

    SecondFactorController(SecondFactorService secondFactor, SignInTracker tracker, AccountManagement accounts,
            MessageSource messages) {
        this.secondFactor = secondFactor;
        this.tracker = tracker;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/mfa")
    String form(@AuthenticationPrincipal SilkGrantUser user, HttpServletRequest request, Model model) {
        if (!pending(user, request)) {
            return "redirect:/dashboard";
        }
        return page(user, model);
    }

    @PostMapping("/mfa")
    String verify(@AuthenticationPrincipal SilkGrantUser user, @RequestParam(required = false) String code,
            HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        if (!pending(user, request)) {
            return "redirect:/dashboard";
        }
        String address = request.getRemoteAddr();
        // Locked meanwhile (e.g. by password guesses elsewhere): a correct code does not open a locked account.
        if (locked(user)) {
            return signOut(request, response);
        }
        if (secondFactor.verify(user.getUsername(), code, address)) {
            request.changeSessionId();
            request.getSession().setAttribute(SecondFactorFilter.PASSED, Boolean.TRUE);
            return "redirect:/dashboard";
        }
        tracker.secondFactorFailed(user.getUsername(), address);
        if (locked(user)) {
            return signOut(request, response);
        }
        model.addAttribute("errors", Map.of("code", List.of(messages.getMessage("mfa.code.WRONG", null, locale))));
        return page(user, model);
    }

    private String page(SilkGrantUser user, Model model) {
        if (!secondFactor.enrolled(user.getUsername())) {
            model.addAttribute("enrollment", secondFactor.enrollment(user.getUsername()));
        }
        return "account/mfa";
    }

    private static boolean pending(SilkGrantUser user, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return user.secondFactorRequired() && (session == null || session.getAttribute(SecondFactorFilter.PASSED) == null);
    }

    private boolean locked(SilkGrantUser user) {
        return accounts.findByUsername(user.getUsername()).map(AccountView::locked).orElse(true);
    }

    private static String signOut(HttpServletRequest request, HttpServletResponse response) {
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "redirect:/login?error";
    }
}
