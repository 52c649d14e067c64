package org.silkgrant.account.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.silkgrant.account.SecurityProperties;
import org.silkgrant.shared.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that encrypts personal data: {@code silkgrant.security.data-key} (base64, from the environment in
 * production), or else a key file under the data directory, created with owner-only permissions on first start.
 * The key itself is never logged.
 */
@Configuration(proxyBeanMethods = false)
class KeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeyConfiguration.class);

    @Bean
    PersonalDataCipher personalDataCipher(SecurityProperties properties,
            @Value("${silkgrant.data-dir}") String dataDir) throws IOException {
        if (properties.dataKey() != null && !properties.dataKey().isBlank()) {
            return new PersonalDataCipher(Base64.getDecoder().decode(properties.dataKey().strip()));
        }
        Path file = Path.of(dataDir, "keys", "personal-data.key");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(PersonalDataCipher.newKey()));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.warn("Cannot restrict the permissions of {}", file);
            }
            log.info("Created a new personal-data key in {}; set silkgrant.security.data-key in production", file);
        }
        return new PersonalDataCipher(Base64.getDecoder().decode(Files.readString(file).strip()));
    }
}
