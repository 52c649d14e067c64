package org.silkgrant.notification;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountManagement.Recipient;
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
 * Mails a notification once its inbox notice has committed, in the recipient's language. A failed send throws,
 * so the publication stays incomplete and the resubmission job tries again. Without an SMTP host nothing is sent.
 */
@Component
class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final AccountManagement accounts;
    private final MessageSource messages;
    private final ITemplateEngine templates;
    private final OutgoingMailProperties properties;

    Mailer(ObjectProvider<JavaMailSender> sender, AccountManagement accounts, MessageSource messages,
            ITemplateEngine templates, OutgoingMailProperties properties) {
        this.sender = sender;
        this.accounts = accounts;
        this.messages = messages;
        this.templates = templates;
        this.properties = properties;
    }

    /** Whether an SMTP server is configured. */
    boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    @ApplicationModuleListener
    void send(Notification notification) throws MessagingException {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return;
        }
        Recipient recipient = accounts.recipient(notification.recipientId()).orElse(null);
        if (recipient == null || recipient.email() == null || recipient.email().isBlank()) {
            log.debug("No mail for {}: no enabled account with an address", notification.recipientId());
            return;
        }
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        Locale locale = Locale.forLanguageTag(recipient.language());
        helper.setFrom(properties.from());
        helper.setTo(recipient.email());
        String subject = subject(notification, locale);
        helper.setSubject(subject);
        helper.setText(body(notification, recipient, subject, locale), true);
        mail.send(message);
        log.info("Mailed {} about {} to user {}", notification.kind(), notification.sourceKey(), recipient.id());
    }

    String subject(Notification notification, Locale locale) {
        return messages.getMessage(notification.kind().messageKey(), notification.arguments().toArray(), locale);
    }

    String body(Notification notification, Recipient recipient, String subject, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("lang", locale.toLanguageTag());
        context.setVariable("subject", subject);
        context.setVariable("name", recipient.fullName());
        context.setVariable("kind", notification.kind().name());
        context.setVariable("deadline", notification.arguments().size() > 3 ? notification.arguments().get(3) : "");
        context.setVariable("comment", notification.comment());
        context.setVariable("sectionComments", notification.sectionComments());
        context.setVariable("link", properties.baseUrl() + (notification.applicationId() == null ? "/inbox"
                : "/applications/" + notification.applicationId()));
        context.setVariable("inbox", properties.baseUrl() + "/inbox");
        return templates.process("mail/notification", context);
    }
}
