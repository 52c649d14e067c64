package org.silkgrant.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 11643 resident ID numbers: check character, birth date, and that the number never shows unmasked. */
class IdNumberTests {

    // Synthetic: Tianshan district 650102, born 1990-03-07, sequence 123; check 5 worked out by hand (sum 249, mod 11 = 7).
    private static final String VALID = "650102199003071235";
    // Synthetic: Kashgar city 653101, born 1985-06-15, sequence 101; its check character is X.
    private static final String VALID_X = "65310119850615101X";
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    private static void assertRefused(String raw, String code) {
        assertThatThrownBy(() -> IdNumber.parse(raw, TODAY))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.field()).isEqualTo("idNumber");
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.messageKey()).isEqualTo("identifier.idNumber." + code);
                    assertThat(e.getMessage()).isEqualTo("idNumber: " + code);
                });
    }

    private static String withCheck(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    @Test
    void aValidNumberIsAcceptedWithItsBirthDate() {
        IdNumber number = IdNumber.parse(VALID, TODAY);

        assertThat(number.value()).isEqualTo(VALID);
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
        assertThat(IdNumber.checkCharacter(VALID.substring(0, 17))).isEqualTo('5');
    }

    @Test
    void theOneArgumentParseUsesTodayInChina() {
        assertThat(IdNumber.parse(VALID).birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
    }

    @Test
    void aLowerCaseFinalXIsAccepted() {
        IdNumber number = IdNumber.parse(" 65310119850615101x ", TODAY);

        assertThat(number.value()).isEqualTo(VALID_X);
        assertThat(number).isEqualTo(IdNumber.parse(VALID_X, TODAY)).hasSameHashCodeAs(IdNumber.parse(VALID_X, TODAY));
    }

    @Test
    void maskedAndToStringHideTheMiddle() {
        IdNumber number = IdNumber.parse(VALID_X, TODAY);

        assertThat(number.masked()).isEqualTo("6531**********101X");
        assertThat(number).hasToString("6531**********101X");
        assertThat("applicant " + number).doesNotContain("19850615").doesNotContain(VALID_X);
    }

    @Test
    void aWrongCheckCharacterIsRefused() {
        for (char c : "0123456789X".toCharArray()) {
            if (c != '5') {
                assertRefused("65010219900307123" + c, "CHECK_CHARACTER");
            }
        }
    }

    @Test
    void februaryThirtiethIsNotABirthDate() {
        assertRefused(withCheck("65010219900230123"), "BIRTH_DATE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"65010219901301123", "65010219900000123", "65010220230229123", "65010218991231123"})
    void impossibleOrTooEarlyBirthDatesAreRefused(String first17) {
        assertRefused(withCheck(first17), "BIRTH_DATE");
    }

    @Test
    void aBirthDateAfterTodayIsRefusedButTodayIsAccepted() {
        assertRefused(withCheck("65010220240602123"), "BIRTH_DATE");
        assertThat(IdNumber.parse(withCheck("65010220240601123"), TODAY).birthDate()).isEqualTo(TODAY);
        assertThat(IdNumber.parse(withCheck("65010219000101123"), TODAY).birthDate()).isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\u3000"})
    void aMissingNumberIsRequired(String raw) {
        assertRefused(raw, "REQUIRED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"650102900307123", "65010219900307123", "6501021990030712355"})
    void aNumberOfAnotherLengthIsRefused(String raw) {
        assertRefused(raw, "LENGTH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"65010219900307123A", "6501021990O307123X", "X50102199003071235", "65010219900307123-",
            "６50102199003071235"})
    void lettersOutsideTheLastPlaceAreRefused(String raw) {
        assertRefused(raw, "FORMAT");
    }
}
