package org.silkgrant.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.silkgrant.account.internal.LoginEvent;

/**
 * The texts of accounts, sign-in and audit (messages/accounts*.properties): the same keys in every language, and a
 * text for every code the pages and the API translate: roles, sign-in outcomes, and every field error the account
 * code can raise.
 */
class AccountMessagesTests {

    /** A message key written out in Java source: "account.username.FORMAT". */
    private static final Pattern KEY_IN_SOURCE = Pattern.compile("\"((?:account|password|login|mfa|role)\\.[\\w.]*\\w)\"");

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AccountMessagesTests.class.getResourceAsStream("/messages/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** What the application's message source sees in one language: both bundles. */
    private static Properties all(String suffix) throws IOException {
        Properties all = bundle("messages" + suffix);
        all.putAll(bundle("accounts" + suffix));
        return all;
    }

    private static List<String> keysWrittenInAccountCode() throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/silkgrant/account"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_SOURCE.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"_en", "_ru"})
    void everyLanguageHasTheSameKeys(String suffix) throws IOException {
        assertThat(new TreeSet<>(bundle("accounts" + suffix).stringPropertyNames()))
                .containsExactlyInAnyOrderElementsOf(new TreeSet<>(bundle("accounts").stringPropertyNames()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_en", "_ru"})
    void everyCodeThatIsTranslatedHasAText(String suffix) throws IOException {
        Properties texts = all(suffix);
        List<String> keys = new ArrayList<>(keysWrittenInAccountCode());
        for (Role role : Role.values()) {
            keys.add("role." + role);
        }
        for (LoginEvent.Outcome outcome : LoginEvent.Outcome.values()) {
            keys.add("login.outcome." + outcome);
        }
        // PasswordPolicy builds its keys as "password." + code.
        for (String code : List.of("REQUIRED", "TOO_SHORT", "TOO_LONG", "CHARACTER_CLASSES", "CONTAINS_USERNAME", "COMMON")) {
            keys.add("password." + code);
        }
        // AccountManagement passes on the ID number's errors as "identifier.idNumber." + code.
        for (String code : List.of("REQUIRED", "LENGTH", "FORMAT", "BIRTH_DATE", "CHECK_CHARACTER")) {
            keys.add("identifier.idNumber." + code);
        }
        keys.addAll(List.of("audit.outcome.SUCCESS", "audit.outcome.FAILURE", "login.throttled", "login.failedOrLocked",
                "login.registerOrganization"));

        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(texts).as(key).containsKey(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_en", "_ru"})
    void everyTextWithArgumentsIsAValidMessageFormat(String suffix) throws IOException {
        Properties texts = bundle("accounts" + suffix);
        for (String key : texts.stringPropertyNames()) {
            String text = texts.getProperty(key);
            assertThat(text).as(key).isNotBlank();
            if (text.contains("{0}")) {
                assertThatCode(() -> new MessageFormat(text, Locale.ROOT).format(new Object[] {8, 128, 3}))
                        .as(key).doesNotThrowAnyException();
                assertThat(new MessageFormat(text, Locale.ROOT).format(new Object[] {"A", "B", "C"})).as(key)
                        .doesNotContain("{0}").doesNotContain("'");
            }
        }
    }
}
