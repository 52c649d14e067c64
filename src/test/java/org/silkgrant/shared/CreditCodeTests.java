package org.silkgrant.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015 credit codes: what is accepted, and the error code for each kind of mistake. */
class CreditCodeTests {

    private static final String BEIJING = "91110000600037341L";
    // The two "synthetic region codes" named in the issue; both turn out to carry a valid check character.
    private static final String URUMQI_ENTERPRISE = "91650100MA78ABC08J";
    private static final String KASHGAR_INSTITUTION = "12653101458000125Y";

    /**
     * A second implementation, written from the standard's other form of the rule so the production code is not
     * checked against itself: weights by repeated multiplication, and all 18 weighted values summing to 0 mod 31.
     */
    private static boolean independentlyValid(String code) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int weight = 1;
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(code.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return (sum + alphabet.indexOf(code.charAt(17))) % 31 == 0;
    }

    private static void assertRefused(String raw, String code) {
        assertThatThrownBy(() -> CreditCode.parse(raw))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.field()).isEqualTo("creditCode");
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.messageKey()).isEqualTo("identifier.creditCode." + code);
                    assertThat(e.getMessage()).isEqualTo("creditCode: " + code);
                });
    }

    @Test
    void aBeijingEnterpriseIsValidButNotRegisteredInTheRegion() {
        CreditCode code = CreditCode.parse(BEIJING);

        assertThat(code.value()).isEqualTo(BEIJING);
        assertThat(code.registrationAuthority()).isEqualTo("9");
        assertThat(code.category()).isEqualTo("91");
        assertThat(code.divisionCode()).isEqualTo("110000");
        assertThat(code.organizationCode()).isEqualTo("600037341");
        assertThat(code.registeredIn("11")).isTrue();
        assertThat(code.registeredIn("65")).isFalse();
        assertThat(code).hasToString(BEIJING);
    }

    @Test
    void lowerCaseAndSurroundingSpaceAreAccepted() {
        assertThat(CreditCode.parse("  91110000600037341l\t")).isEqualTo(CreditCode.parse(BEIJING));
        assertThat(CreditCode.parse("91650100ma78abc08j").value()).isEqualTo(URUMQI_ENTERPRISE);
    }

    @Test
    void theIssuesSyntheticRegionCodesHaveValidCheckCharacters() {
        assertThat(independentlyValid(URUMQI_ENTERPRISE)).isTrue();
        assertThat(independentlyValid(KASHGAR_INSTITUTION)).isTrue();
        assertThat(independentlyValid(BEIJING)).isTrue();
    }

    @Test
    void anUrumqiEnterpriseIsRegisteredInTheRegion() {
        CreditCode code = CreditCode.parse(URUMQI_ENTERPRISE);

        assertThat(code.category()).isEqualTo("91");
        assertThat(code.divisionCode()).isEqualTo("650100");
        assertThat(code.organizationCode()).isEqualTo("MA78ABC08");
        assertThat(code.registeredIn("65")).isTrue();
        assertThat(code.registeredIn("6501")).isTrue();
    }

    @Test
    void aKashgarPublicInstitutionIsRegisteredInTheRegion() {
        CreditCode code = CreditCode.parse(KASHGAR_INSTITUTION);

        assertThat(code.registrationAuthority()).isEqualTo("1");
        assertThat(code.category()).isEqualTo("12");
        assertThat(code.divisionCode()).isEqualTo("653101");
        assertThat(code.registeredIn("65")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {BEIJING, URUMQI_ENTERPRISE, KASHGAR_INSTITUTION})
    void checkCharacterIsTheEighteenthCharacterOfAValidCode(String valid) {
        assertThat(CreditCode.checkCharacter(valid.substring(0, 17))).isEqualTo(valid.charAt(17));
    }

    @Test
    void checkCharacterAgreesWithTheIndependentRuleForManyCodes() {
        Random random = new Random(7);
        for (int n = 0; n < 1000; n++) {
            StringBuilder first17 = new StringBuilder();
            for (int i = 0; i < 17; i++) {
                first17.append(CreditCode.ALPHABET.charAt(random.nextInt(31)));
            }
            String code = first17.toString() + CreditCode.checkCharacter(first17.toString());
            assertThat(independentlyValid(code)).as(code).isTrue();
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n", "\u3000"})
    void aMissingCodeIsRequired(String raw) {
        assertRefused(raw, "REQUIRED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91110000600037341", "91110000600037341LL", "911100006000373"})
    void aCodeOfAnotherLengthIsRefused(String raw) {
        assertRefused(raw, "LENGTH");
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z', 'i', 'o', 's', 'v', 'z', '-', '\u00e4', '\u0661'})
    void aCharacterOutsideTheAlphabetIsForbidden(char forbidden) {
        assertRefused("91650100MA78" + forbidden + "BC08J", "FORBIDDEN_CHARACTER");
    }

    @Test
    void nonAsciiLettersAreNotUpperCasedIntoAllowedOnes() {
        // U+FB00 (ﬀ) upper-cases to "FF" with String.toUpperCase, which would lengthen a 17-character input to 18.
        assertRefused("91650100MA78ABC0\uFB00", "LENGTH");
        assertRefused("91650100MA78ABC0\uFB00J", "FORBIDDEN_CHARACTER");
    }

    @Test
    void aDivisionPartWithLettersIsRefusedAsFormat() {
        String first17 = "91A10000600037341";

        assertRefused(first17 + CreditCode.checkCharacter(first17), "FORMAT");
    }

    @Test
    void aWrongCheckCharacterIsRefused() {
        for (char c : CreditCode.ALPHABET.toCharArray()) {
            if (c != 'L') {
                assertRefused("91110000600037341" + c, "CHECK_CHARACTER");
            }
        }
        assertRefused("91650100MA78ABC08K", "CHECK_CHARACTER");
        assertRefused("12653101458000125X", "CHECK_CHARACTER");
    }

    @Test
    void constructingDirectlyValidatesToo() {
        assertThatThrownBy(() -> new CreditCode("91110000600037341M")).isInstanceOf(InvalidIdentifierException.class);
    }
}
