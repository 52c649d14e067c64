package org.silkgrant.account.web;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.account.internal.PasswordChangeFilter;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.NotFoundException;
import org.silkgrant.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sign-in page (Spring Security handles its form post) and everyone's own account page: who they are, their
 * recent sign-ins and failed attempts, changing their password and choosing the language of their mail.
 */
@Controller
class AccountPageController {

    private final AccountManagement accounts;
    private final MessageSource messages;

    AccountPageController(AccountManagement accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    /** The languages mail is written in, each with the key of its own name. */
    record MailLanguage(String tag, String labelKey) {
    }

    static final List<MailLanguage> MAIL_LANGUAGES = List.of(new MailLanguage("zh-CN", "mailLanguage.zh"),
            new MailLanguage("en", "mailLanguage.en"), new MailLanguage("ru", "mailLanguage.ru"));

    /** The change-password form; its passwords are never sent back to the page. */
    record PasswordForm(String currentPassword, String newPassword, String repeatPassword) {
    }

    @GetMapping("/login")
    String login() {
        return "account/login";
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SilkGrantUser user, Model model, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        model.addAttribute("mustChangePassword", user.passwordChangeRequired()
                && (session == null || session.getAttribute(PasswordChangeFilter.CHANGED) == null));
        AccountView account = accounts.find(user.id()).orElseThrow(() -> new NotFoundException("account.notFound"));
        List<SignInRow> signIns = accounts.recentSignIns(user.id()).stream().map(SignInRow::of).toList();
        model.addAttribute("account", account);
        model.addAttribute("roles", account.roles().stream().sorted().toList());
        model.addAttribute("signIns", signIns);
        // The newest sign-in is this one; the one before it is what the user wants to check.
        model.addAttribute("previousSignIn", signIns.size() > 1 ? signIns.get(1) : null);
        model.addAttribute("failures", accounts.recentFailures(user.id()).stream().map(SignInRow::of).toList());
        model.addAttribute("mailLanguage", accounts.recipient(user.id()).map(r -> r.language()).orElse("zh-CN"));
        model.addAttribute("mailLanguages", MAIL_LANGUAGES);
        return "account/account";
    }

    /** The user chooses the language of the mail they get (docs/notifications.md). */
    @PostMapping("/account/language")
    String chooseMailLanguage(@AuthenticationPrincipal SilkGrantUser user, String language, Locale locale,
            RedirectAttributes redirect) {
        accounts.chooseLanguage(user.id(), language);
        redirect.addFlashAttribute("notice", messages.getMessage("mailLanguage.saved", null, locale));
        return "redirect:/account";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal SilkGrantUser user, PasswordForm form, Model model, Locale locale,
            HttpServletRequest request, RedirectAttributes redirect) {
        try {
            if (!Objects.equals(form.newPassword(), form.repeatPassword())) {
                throw new FieldViolationException("repeatPassword", "MISMATCH", "account.repeatPassword.MISMATCH");
            }
            accounts.changeOwnPassword(user.getUsername(), form.currentPassword(), form.newPassword(),
                    request.getRemoteAddr());
        } catch (FieldViolationException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return account(user, model, request);
        }
        // The principal of this session still says "change it": the session now knows it was changed.
        request.getSession().setAttribute(PasswordChangeFilter.CHANGED, Boolean.TRUE);
        redirect.addFlashAttribute("notice", messages.getMessage("account.password.changed", null, locale));
        return "redirect:/account";
    }
}
