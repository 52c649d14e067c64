package org.silkgrant.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the form post. */
@Controller
class AccountPageController {

    @GetMapping("/login")
    String login() {
        return "account/login";
    }
}
