package org.silkgrant.notification;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.silkgrant.organization.RegistrationReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Mails the first admin of a registration, at the address given and in the registration's language: either that
 * the registration arrived and which user name to sign in with, or — when the name was taken — the single-use link
 * to choose another. This mail is how a taken name is told, so the answer to the registration never tells it.
 * Without an SMTP host nothing is sent (and a taken name cannot be resolved: docs/operations.md).
 */
@Component
class RegistrationMailer {

    private static final Logger log = LoggerFactory.getLogger(RegistrationMailer.class);
    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final ObjectProvider<JavaMailSender> sender;
    private final MessageSource messages;
    private final ITemplateEngine templates;
    private final OutgoingMailProperties properties;

    RegistrationMailer(ObjectProvider<JavaMailSender> sender, MessageSource messages, ITemplateEngine templates,
            OutgoingMailProperties properties) {
        this.sender = sender;
        this.messages = messages;
        this.templates = templates;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void send(RegistrationReceived registration) throws MessagingException {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            if (registration.nameTaken()) {
                log.warn("Organisation {} waits for its admin to choose a user name by the mailed link, but no SMTP server "
                        + "is configured (spring.mail.host): nothing was sent", registration.organizationId());
            }
            return;
        }
        Locale locale = Locale.forLanguageTag(registration.language());
        String subject = messages.getMessage(registration.nameTaken() ? "mail.registration.subject.nameTaken"
                : "mail.registration.subject.received", new Object[] {registration.organizationName()}, locale);
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(registration.email());
        helper.setSubject(subject);
        helper.setText(body(registration, subject, locale), true);
        mail.send(message);
        // Neither the address nor the token goes to the log.
        log.info("Mailed the registration of organisation {} to its admin", registration.organizationId());
    }

    String body(RegistrationReceived registration, String subject, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("lang", locale.toLanguageTag());
        context.setVariable("subject", subject);
        context.setVariable("name", registration.fullName());
        context.setVariable("organization", registration.organizationName());
        context.setVariable("nameTaken", registration.nameTaken());
        context.setVariable("username", registration.username());
        context.setVariable("link", registration.nameTaken()
                ? UriComponentsBuilder.fromUriString(properties.baseUrl()).path("/register/confirm")
                        .queryParam("token", registration.confirmationToken()).build().toUriString()
                : properties.baseUrl() + "/login");
        context.setVariable("confirmBy", registration.confirmBy() == null ? "" : BEIJING.format(registration.confirmBy()));
        return templates.process("mail/registration", context);
    }
}
