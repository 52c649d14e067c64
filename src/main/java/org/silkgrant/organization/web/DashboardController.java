package org.silkgrant.organization.web;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.LoginRecord;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.organization.OrganizationManagement;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where everyone lands after signing in: their organisation and its verification state, notices, their last
 * sign-in, and the work their roles open (later modules add their own panels).
 */
@Controller
class DashboardController {

    private final OrganizationManagement organizations;
    private final AccountManagement accounts;

    DashboardController(OrganizationManagement organizations, AccountManagement accounts) {
        this.organizations = organizations;
        this.accounts = accounts;
    }

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal SilkGrantUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("organization", organizations.find(user.organizationId()).orElse(null));
        var signIns = accounts.recentSignIns(user.id());
        // The newest sign-in is this one; the one before it is what the user wants to check.
        LoginRecord previous = signIns.size() > 1 ? signIns.get(1) : null;
        model.addAttribute("previousSignIn", previous);
        model.addAttribute("recentFailures", accounts.recentFailures(user.id()).size());
        return "organization/dashboard";
    }
}
