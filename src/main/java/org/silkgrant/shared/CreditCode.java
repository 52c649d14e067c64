package org.silkgrant.shared;

import java.util.Objects;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015) whose check character has been verified.
 *
 * @param value the 18 upper-case characters
 */
public record CreditCode(String value) {

    /** The 31 characters GB 32100 allows, in value order; I, O, S, V and Z are left out to avoid misreading. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final String FIELD = "creditCode";
    private static final int LENGTH = 18;
    private static final int MODULUS = 31;
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Validates like {@link #parse}, so that no unchecked code can exist, even one built directly. */
    public CreditCode {
        value = validated(value);
    }

    /**
     * Reads a credit code as typed: surrounding whitespace is ignored and lower case is accepted.
     *
     * @throws InvalidIdentifierException with code {@code REQUIRED}, {@code LENGTH}, {@code FORBIDDEN_CHARACTER},
     *                                    {@code FORMAT} or {@code CHECK_CHARACTER}; never any other exception
     */
    public static CreditCode parse(String raw) {
        return new CreditCode(raw);
    }

    /**
     * The check character (18th) for the first 17 characters.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 characters of {@link #ALPHABET}
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("a credit code check character needs 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("a credit code holds only characters of " + ALPHABET);
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((MODULUS - sum % MODULUS) % MODULUS);
    }

    private static String validated(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("REQUIRED");
        }
        String value = asciiUpperCase(raw.strip());
        if (value.length() != LENGTH) {
            throw invalid("LENGTH");
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                throw invalid("FORBIDDEN_CHARACTER");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!isDigit(value.charAt(i))) {
                throw invalid("FORMAT");
            }
        }
        if (checkCharacter(value.substring(0, LENGTH - 1)) != value.charAt(LENGTH - 1)) {
            throw invalid("CHECK_CHARACTER");
        }
        return value;
    }

    /**
     * Upper-cases a–z only: {@link String#toUpperCase} would turn non-ASCII letters into allowed ones
     * (ſ into S, ﬀ into FF), silently accepting text nobody typed as a code.
     */
    private static String asciiUpperCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'a' && chars[i] <= 'z') {
                chars[i] = (char) (chars[i] - ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static InvalidIdentifierException invalid(String code) {
        return new InvalidIdentifierException(FIELD, code);
    }

    /** The 1st character: the kind of authority that registered the organisation (1 institutional, 9 market …). */
    public String registrationAuthority() {
        return value.substring(0, 1);
    }

    /** The 1st and 2nd characters: the organisation category, e.g. {@code 91} enterprise, {@code 12} public institution. */
    public String category() {
        return value.substring(0, 2);
    }

    /** Characters 3–8: the GB/T 2260 division code of the registering authority. */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    /** Characters 9–17: the organisation code (its own check digit is deliberately not verified). */
    public String organizationCode() {
        return value.substring(8, 17);
    }

    /** Whether the registering authority's division code starts with {@code divisionPrefix}, e.g. {@code "65"}. */
    public boolean registeredIn(String divisionPrefix) {
        Objects.requireNonNull(divisionPrefix, "divisionPrefix");
        return divisionCode().startsWith(divisionPrefix);
    }

    @Override
    public String toString() {
        return value;
    }
}
