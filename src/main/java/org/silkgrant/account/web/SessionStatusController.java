package org.silkgrant.account.web;

import jakarta.servlet.http.HttpServletRequest;

import org.silkgrant.account.SilkGrantUser;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether this browser's session is signed in, as whom, and the CSRF token of that session: a page that kept work
 * while the session had expired (the application editor) asks here until the person has signed in again, in another
 * tab, and then sends what waited with the new token. Open to everyone; an anonymous caller learns only that it is
 * not signed in.
 */
@RestController
class SessionStatusController {

    /** The answer; the token only for a signed-in session. */
    record SessionStatus(boolean signedIn, String username, String csrfHeader, String csrfToken) {
    }

    @GetMapping(path = "/session/status", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SessionStatus> status(@AuthenticationPrincipal SilkGrantUser user, HttpServletRequest request) {
        SessionStatus status = new SessionStatus(false, null, null, null);
        if (user != null) {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            status = new SessionStatus(true, user.getUsername(), token == null ? null : token.getHeaderName(),
                    token == null ? null : token.getToken());
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(status);
    }
}
