package org.silkgrant.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every message key the document module names is in its Chinese, English and Russian bundles. */
class DocumentMessagesTests {

    private static final Path SOURCES = Path.of("src/main/java/org/silkgrant/document");
    private static final Pattern KEY = Pattern.compile("\"(document\\.[A-Za-z]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"", "_en", "_ru"})
    void holdsEveryKeyTheCodeNamesAndNoOther(String suffix) throws IOException {
        Properties bundle = bundle(suffix);

        assertThat(new TreeSet<>(bundle.stringPropertyNames())).isEqualTo(keysInCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_en", "_ru"})
    void formatsEveryMessageWithItsArguments(String suffix) throws IOException {
        Properties bundle = bundle(suffix);

        assertThat(bundle.stringPropertyNames()).allSatisfy(key -> assertThatCode(() -> {
            String text = new MessageFormat(bundle.getProperty(key), Locale.ROOT)
                    .format(new Object[] {"text/html", "application/pdf, image/png"});
            assertThat(text).as(key).isNotBlank().doesNotContain("{", "}");
        }).doesNotThrowAnyException());
        assertThat(new MessageFormat(bundle.getProperty("document.tooLarge")).format(new Object[] {"20"})).contains("20");
    }

    private static Set<String> keysInCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        assertThat(keys).contains("document.tooLarge", "document.empty", "document.typeRefused", "document.notFound");
        return keys;
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = DocumentMessagesTests.class.getResourceAsStream("/messages/document" + suffix + ".properties")) {
            assertThat(in).as("document%s.properties", suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
