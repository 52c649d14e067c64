package org.silkgrant.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parsers take any string: they return a value that parses to itself, or throw InvalidIdentifierException.
 * Plain Surefire runs the Jazzer tests on their seeds only; {@code JAZZER_FUZZ=1} fuzzes them.
 */
class CreditCodeFuzzTests {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    // The allowed alphabet, the five excluded letters, lower case, and some neighbours a user might type.
    private static final String CHARACTERS = CreditCode.ALPHABET + "IOSVZioszvxa -_\t\u3000\uFB00\u0661６é";

    /**
     * Replaying seeds needs no instrumentation, yet Jazzer's agent loads about 4,000 hooks (some 20 s here) and then
     * instruments every class loaded later in the same Surefire JVM; coverage-guided fuzzing does need them.
     */
    @BeforeAll
    static void skipInstrumentationUnlessFuzzing() {
        String fuzz = System.getenv("JAZZER_FUZZ");
        if ((fuzz == null || fuzz.isEmpty()) && System.getProperty("jazzer.hooks") == null) {
            System.setProperty("jazzer.hooks", "false");
        }
    }

    @FuzzTest(maxDuration = "30s")
    void creditCodeParsesToItselfOrFailsWithAnIdentifierError(String input) {
        assertCreditCodeProperty(input);
    }

    @FuzzTest(maxDuration = "30s")
    void idNumberParsesToItselfOrFailsWithAnIdentifierError(String input) {
        assertIdNumberProperty(input);
    }

    @ParameterizedTest
    @MethodSource("randomInputs")
    void randomInputsParseToThemselvesOrFailWithAnIdentifierError(String input) {
        assertCreditCodeProperty(input);
        assertIdNumberProperty(input);
    }

    static void assertCreditCodeProperty(String input) {
        CreditCode code;
        try {
            code = CreditCode.parse(input);
        } catch (InvalidIdentifierException e) {
            assertThat(e.field()).isEqualTo("creditCode");
            assertThat(e.getMessage()).isEqualTo("creditCode: " + e.code());
            return;
        }
        assertThat(CreditCode.parse(code.value())).isEqualTo(code);
        assertThat(code.value()).hasSize(18);
        assertThat(CreditCode.checkCharacter(code.value().substring(0, 17))).isEqualTo(code.value().charAt(17));
    }

    static void assertIdNumberProperty(String input) {
        IdNumber number;
        try {
            number = IdNumber.parse(input, TODAY);
        } catch (InvalidIdentifierException e) {
            assertThat(e.field()).isEqualTo("idNumber");
            assertThat(e.getMessage()).isEqualTo("idNumber: " + e.code());
            return;
        }
        assertThat(IdNumber.parse(number.value(), TODAY)).isEqualTo(number);
        assertThat(number.value()).hasSize(18);
        assertThat(IdNumber.checkCharacter(number.value().substring(0, 17))).isEqualTo(number.value().charAt(17));
        assertThat(number.birthDate()).isBetween(LocalDate.of(1900, 1, 1), TODAY);
    }

    /**
     * Random strings of 0–21 characters, a third of them given a correct check character so that both the
     * accepting and the refusing paths are exercised; fixed seed so a failure repeats.
     */
    static Stream<String> randomInputs() {
        Random random = new Random(42);
        return IntStream.range(0, 3000).mapToObj(n -> {
            int kind = n % 3;
            if (kind == 0) {
                return randomString(random, CHARACTERS, random.nextInt(22));
            }
            if (kind == 1) {
                String first17 = randomString(random, random.nextInt(4) == 0 ? CHARACTERS : CreditCode.ALPHABET, 17);
                boolean canCheck = first17.chars().allMatch(c -> CreditCode.ALPHABET.indexOf(c) >= 0);
                String code = canCheck ? first17 + CreditCode.checkCharacter(first17) : first17 + 'A';
                return random.nextBoolean() ? code.toLowerCase(Locale.ROOT) : code;
            }
            String birth = String.format("%04d%02d%02d", 1890 + random.nextInt(140), random.nextInt(14), random.nextInt(33));
            String first17 = "65" + randomString(random, "0123456789", 4) + birth + randomString(random, "0123456789", 3);
            return random.nextInt(5) == 0 ? first17 + "0123456789Xx".charAt(random.nextInt(12))
                    : first17 + IdNumber.checkCharacter(first17);
        });
    }

    private static String randomString(Random random, String characters, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(characters.charAt(random.nextInt(characters.length())));
        }
        return out.toString();
    }
}
