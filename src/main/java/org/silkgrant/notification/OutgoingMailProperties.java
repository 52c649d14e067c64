package org.silkgrant.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outgoing mail: the sender address and the address of this installation, for the links in the mail. The SMTP
 * server itself is Spring Boot's {@code spring.mail.*}; without {@code spring.mail.host} no mail is sent.
 */
@ConfigurationProperties("silkgrant.mail")
record OutgoingMailProperties(String from, String baseUrl) {

    OutgoingMailProperties {
        from = from == null || from.isBlank() ? "noreply@silkgrant.local" : from.strip();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.strip().replaceAll("/+$", "");
    }
}
