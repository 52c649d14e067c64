package org.silkgrant.shared;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Encrypts personal identifiers (ID numbers, TOTP secrets) for storage with SM4 in GCM mode. SM4 (GB/T 32907,
 * formerly GM/T 0002) is the Chinese commercial cryptography block cipher that assessments under MLPS 2.0 level 3
 * (等保三级) and GB/T 39786 expect for stored personal data; GCM adds integrity, as in the SM4-GCM of RFC 8998.
 */
public final class PersonalDataCipher {

    private static final String PREFIX = "sm4gcm:";
    private static final int KEY_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    /** @param key the 16-byte SM4 key; copied, so the caller may wipe its array */
    public PersonalDataCipher(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a personal data key has 16 bytes");
        }
        this.key = key.clone();
    }

    /** A fresh random 16-byte key. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** {@code sm4gcm:} followed by base64 of nonce, ciphertext and tag; {@code null} stays {@code null}. */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        // GCM loses both confidentiality and integrity if a nonce repeats under one key, so each value gets its own.
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] input = plain.getBytes(StandardCharsets.UTF_8);
        GCMModeCipher cipher = cipher(true, nonce);
        byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(input.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        try {
            int length = cipher.processBytes(input, 0, input.length, out, NONCE_BYTES);
            cipher.doFinal(out, NONCE_BYTES + length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("personal data cannot be encrypted", e);
        } finally {
            Arrays.fill(input, (byte) 0);
        }
        return PREFIX + Base64.getEncoder().encodeToString(out);
    }

    /**
     * Reverses {@link #encrypt}; {@code null} stays {@code null}.
     *
     * @throws IllegalStateException if the value is not ours, was altered, or was encrypted with another key
     */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw undecryptable(null);
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character of the stored value, so it is not kept.
            throw undecryptable(null);
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw undecryptable(null);
        }
        GCMModeCipher cipher = cipher(false, Arrays.copyOf(data, NONCE_BYTES));
        byte[] plain = new byte[cipher.getOutputSize(data.length - NONCE_BYTES)];
        try {
            int length = cipher.processBytes(data, NONCE_BYTES, data.length - NONCE_BYTES, plain, 0);
            length += cipher.doFinal(plain, length);
            return new String(plain, 0, length, StandardCharsets.UTF_8);
        } catch (InvalidCipherTextException e) {
            // Bouncy Castle's message ("mac check in GCM failed") names no data, so it may travel as the cause.
            throw undecryptable(e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private GCMModeCipher cipher(boolean forEncryption, byte[] nonce) {
        // A new instance per call: a GCM cipher holds state and is not safe to share between threads.
        GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine());
        cipher.init(forEncryption, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce));
        return cipher;
    }

    private static IllegalStateException undecryptable(Throwable cause) {
        return new IllegalStateException("personal data cannot be decrypted", cause);
    }
}
