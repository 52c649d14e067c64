package org.silkgrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallStatus;
import org.silkgrant.call.internal.CallDefinitionLoader;

/** Every user-visible text is a message key present in all three bundles; templates hold no literal text. */
class MessageBundleTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** A message key written out in a template: #{call.deadline} or #{call.countdown(...)}. */
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");
    /** Text between tags that contains a letter, outside script and style. */
    private static final Pattern TEXT_NODE = Pattern.compile(">([^<>]*\\p{L}[^<>]*)<");

    /** The bundles of spring.messages.basename. */
    private static final List<String> BASENAMES = List.of("messages", "accounts", "application", "forms", "document", "office");

    private static Properties bundle(String basename, String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundleTests.class.getResourceAsStream("/messages/" + basename + suffix + ".properties")) {
            assertThat(in).as("bundle %s%s.properties", basename, suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** All bundles of one language together. */
    private static Properties bundle(String suffix) throws IOException {
        Properties all = new Properties();
        for (String basename : BASENAMES) {
            Properties one = bundle(basename, suffix);
            for (String key : one.stringPropertyNames()) {
                assertThat(all).as("key %s is defined in more than one bundle", key).doesNotContainKey(key);
                all.setProperty(key, one.getProperty(key));
            }
        }
        return all;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"_en", "_ru"})
    void everyKeyIsInEveryBundle(String suffix) throws IOException {
        Set<String> chinese = new TreeSet<>(bundle("").stringPropertyNames());
        Set<String> other = new TreeSet<>(bundle(suffix).stringPropertyNames());

        assertThat(other).as("keys of messages%s.properties", suffix).containsExactlyInAnyOrderElementsOf(chinese);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_en", "_ru"})
    void noMessageIsEmpty(String suffix) throws IOException {
        Properties properties = bundle(suffix);
        assertThat(properties.stringPropertyNames()).allSatisfy(key ->
                assertThat(properties.getProperty(key)).as(key).isNotBlank());
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Properties chinese = bundle("");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = LITERAL_KEY.matcher(Files.readString(template));
            while (m.find()) {
                if (!chinese.containsKey(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void keysBuiltFromCodesExistForEveryCode() throws IOException {
        Properties chinese = bundle("");
        List<String> keys = new ArrayList<>();
        for (CallDefinition.Need need : CallDefinition.Need.values()) {
            keys.add("need." + need);
            keys.add("offer." + need);
        }
        for (CallDefinition.Severity severity : CallDefinition.Severity.values()) {
            keys.add("severity." + severity);
        }
        for (CallStatus status : CallStatus.values()) {
            keys.add("call.status." + status);
        }
        CallDefinitionLoader.KNOWN_RULES.forEach(rule -> keys.add("rule." + rule));
        CallDefinition.SECTION_CLAUSES.forEach(clause -> keys.add("clause." + clause));
        List.of("DIRECT", "INDIRECT").forEach(kind -> keys.add("budget.kind." + kind));
        List.of("400", "403", "404", "500").forEach(code -> {
            keys.add("error." + code + ".title");
            keys.add("error." + code + ".text");
        });

        assertThat(keys).allSatisfy(key -> assertThat(chinese).as(key).containsKey(key));
    }

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> literal = new ArrayList<>();
        for (Path template : templates()) {
            if (template.startsWith(TEMPLATES.resolve("pdf"))) {
                // The application PDF is the office's Chinese form (FORM.md): its labels are the form itself.
                continue;
            }
            String html = Files.readString(template)
                    .replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)<(script|style)\\b.*?</\\1>", "");
            Matcher m = TEXT_NODE.matcher(html);
            while (m.find()) {
                literal.add(TEMPLATES.relativize(template) + ": " + m.group(1).strip());
            }
        }
        assertThat(literal).isEmpty();
    }
}
