package org.silkgrant.account.web;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** API.md {@code GET /api/v1/me}: who the caller is. */
@RestController
class MeApiController {

    /** The caller; full name and organisation arrive with the account model. */
    record Me(String username, String fullName, List<String> roles, Long organizationId) {
    }

    @GetMapping("/api/v1/me")
    Me me(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).toList();
        return new Me(authentication.getName(), authentication.getName(), roles, null);
    }
}
