package org.silkgrant.notification;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.silkgrant.award.ObjectionAnswered;
import org.silkgrant.award.ObjectionCodeRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Mail to members of the public, who have no account and no inbox (docs/award.md, "Objections from the public"): the
 * single-use code that verifies their address, and the office's answer to their objection. Sent after the change
 * commits, in the language of the page they used; retried by the publication registry like every notification.
 */
@Component
class PublicMail {

    private static final Logger log = LoggerFactory.getLogger(PublicMail.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final ObjectProvider<JavaMailSender> sender;
    private final MessageSource messages;
    private final ITemplateEngine templates;
    private final OutgoingMailProperties properties;

    PublicMail(ObjectProvider<JavaMailSender> sender, MessageSource messages, ITemplateEngine templates,
            OutgoingMailProperties properties) {
        this.sender = sender;
        this.messages = messages;
        this.templates = templates;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(ObjectionCodeRequested event) throws MessagingException {
        Locale locale = language(event.language());
        send(event.email(), locale, messages.getMessage("mail.objectionCode.subject", null, locale),
                messages.getMessage("mail.objectionCode.body", new Object[] {event.code(),
                        SHOWN.format(event.expiresAt().atZone(BEIJING))}, locale),
                properties.baseUrl() + "/notices/" + event.callCode() + "#public-objection");
        log.info("Mailed an objection code for call {} to {}", event.callCode(), ObjectionCodeRequested.masked(event.email()));
    }

    @ApplicationModuleListener
    void on(ObjectionAnswered event) throws MessagingException {
        if (event.objectorEmail() == null) {
            return; // an account holder: told in the inbox (Notifier)
        }
        Locale locale = language(event.objectorLanguage());
        String outcome = messages.getMessage("award.objection." + event.result(), null, locale);
        send(event.objectorEmail(), locale, messages.getMessage("mail.objectionAnswered.subject",
                new Object[] {event.title()}, locale), messages.getMessage("mail.objectionAnswered.body",
                        new Object[] {event.title(), outcome}, locale), null);
    }

    private void send(String to, Locale locale, String subject, String text, String link) throws MessagingException {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return;
        }
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(to);
        helper.setSubject(subject);
        Context context = new Context(locale);
        context.setVariable("lang", locale.toLanguageTag());
        context.setVariable("subject", subject);
        context.setVariable("text", text);
        context.setVariable("link", link);
        helper.setText(templates.process("mail/public", context), true);
        mail.send(message);
    }

    private static Locale language(String tag) {
        Locale locale = tag == null ? Locale.SIMPLIFIED_CHINESE : Locale.forLanguageTag(tag);
        return switch (locale.getLanguage()) {
            case "en" -> Locale.ENGLISH;
            case "ru" -> Locale.forLanguageTag("ru");
            default -> Locale.SIMPLIFIED_CHINESE;
        };
    }
}
