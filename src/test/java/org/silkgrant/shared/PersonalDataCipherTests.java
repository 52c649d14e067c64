package org.silkgrant.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** SM4-GCM encryption of personal identifiers: round trips, fresh nonces, and refusal of altered data. */
class PersonalDataCipherTests {

    private static final String ID_NUMBER = "650102199003071235";

    private final PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataCipher.newKey());

    @Test
    void chineseTextAndIdNumbersSurviveARoundTrip() {
        String chinese = "新疆维吾尔自治区乌鲁木齐市天山区 — 阿依古丽";

        assertThat(cipher.decrypt(cipher.encrypt(chinese))).isEqualTo(chinese);
        assertThat(cipher.decrypt(cipher.encrypt(ID_NUMBER))).isEqualTo(ID_NUMBER);
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
    }

    @Test
    void theStoredFormIsPrefixedBase64WithoutThePlainText() {
        String stored = cipher.encrypt(ID_NUMBER);

        assertThat(stored).startsWith("sm4gcm:").doesNotContain(ID_NUMBER).doesNotContain("19900307");
        byte[] raw = Base64.getDecoder().decode(stored.substring("sm4gcm:".length()));
        assertThat(raw).hasSize(12 + ID_NUMBER.length() + 16);
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain(ID_NUMBER);
    }

    @Test
    void twoEncryptionsOfTheSameValueDiffer() {
        assertThat(cipher.encrypt(ID_NUMBER)).isNotEqualTo(cipher.encrypt(ID_NUMBER));
    }

    @Test
    void changingAnyOneBase64CharacterIsDetected() {
        String stored = cipher.encrypt(ID_NUMBER);
        int body = "sm4gcm:".length();
        // The last character before padding may carry unused bits the decoder ignores, so it is left out.
        int lastFull = stored.replaceAll("=+$", "").length() - 1;
        for (int i = body; i < lastFull; i++) {
            char original = stored.charAt(i);
            String tampered = stored.substring(0, i) + (original == 'A' ? 'B' : 'A') + stored.substring(i + 1);
            assertThatThrownBy(() -> cipher.decrypt(tampered))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("personal data cannot be decrypted");
        }
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String stored = cipher.encrypt(ID_NUMBER);
        PersonalDataCipher other = new PersonalDataCipher(PersonalDataCipher.newKey());

        assertThatThrownBy(() -> other.decrypt(stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("personal data cannot be decrypted");
    }

    @Test
    void malformedStoredValuesAreRefusedWithoutEchoingThem() {
        for (String stored : new String[] {ID_NUMBER, "aes:" + ID_NUMBER, "sm4gcm:" + ID_NUMBER + "!", "sm4gcm:AAAA"}) {
            assertThatThrownBy(() -> cipher.decrypt(stored))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("personal data cannot be decrypted")
                    .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain(ID_NUMBER));
        }
    }

    @Test
    void nullStaysNull() {
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
    }

    @Test
    void aKeyMustHaveSixteenBytes() {
        assertThat(PersonalDataCipher.newKey()).hasSize(16).isNotEqualTo(PersonalDataCipher.newKey());
        assertThatThrownBy(() -> new PersonalDataCipher(new byte[15])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonalDataCipher(new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonalDataCipher(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCallersKeyArrayMayBeWipedAfterConstruction() {
        byte[] key = PersonalDataCipher.newKey();
        PersonalDataCipher own = new PersonalDataCipher(key);
        String stored = own.encrypt(ID_NUMBER);
        Arrays.fill(key, (byte) 0);

        assertThat(own.decrypt(stored)).isEqualTo(ID_NUMBER);
    }
}
