package org.silkgrant.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A resident ID number (公民身份号码, GB 11643-1999) with a verified check character and birth date. Personal data:
 * a class rather than a record so that {@link #toString()} shows only the masked form.
 */
public final class IdNumber {

    private static final String FIELD = "idNumber";
    private static final int LENGTH = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    // Birth dates are civil dates in China; a UTC "today" would refuse people born today until 08:00.
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final String value;
    private final LocalDate birthDate;

    private IdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * Reads an ID number as typed; surrounding whitespace is ignored and a lower-case final x is accepted.
     *
     * @throws InvalidIdentifierException with code {@code REQUIRED}, {@code LENGTH}, {@code FORMAT},
     *                                    {@code BIRTH_DATE} or {@code CHECK_CHARACTER}; never any other exception
     */
    public static IdNumber parse(String raw) {
        return parse(raw, LocalDate.now(CHINA));
    }

    /** As {@link #parse(String)}, with the date that counts as today for the birth-date check. */
    public static IdNumber parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            throw invalid("REQUIRED");
        }
        String value = raw.strip();
        if (value.endsWith("x")) {
            value = value.substring(0, value.length() - 1) + 'X';
        }
        if (value.length() != LENGTH) {
            throw invalid("LENGTH");
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isDigit(value.charAt(i))) {
                throw invalid("FORMAT");
            }
        }
        char last = value.charAt(LENGTH - 1);
        if (!isDigit(last) && last != 'X') {
            throw invalid("FORMAT");
        }
        LocalDate birthDate = birthDate(value);
        if (birthDate == null || birthDate.isBefore(EARLIEST_BIRTH) || birthDate.isAfter(today)) {
            throw invalid("BIRTH_DATE");
        }
        if (checkCharacter(value.substring(0, LENGTH - 1)) != last) {
            throw invalid("CHECK_CHARACTER");
        }
        return new IdNumber(value, birthDate);
    }

    /**
     * The ISO 7064 MOD 11-2 check character (18th) for the first 17 digits.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 ASCII digits
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("an ID number check character needs 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            char c = first17.charAt(i);
            if (!isDigit(c)) {
                throw new IllegalArgumentException("an ID number check character needs 17 digits");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The date in characters 7–14, or null when it is not a calendar date (20230229, 19901301). */
    private static LocalDate birthDate(String value) {
        int year = Integer.parseInt(value.substring(6, 10));
        int month = Integer.parseInt(value.substring(10, 12));
        int day = Integer.parseInt(value.substring(12, 14));
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static InvalidIdentifierException invalid(String code) {
        return new InvalidIdentifierException(FIELD, code);
    }

    /** The full number, for encryption before storage; never log or display it. */
    public String value() {
        return value;
    }

    /** The number for display: the first 4 and last 4 characters, the rest as asterisks. */
    public String masked() {
        return value.substring(0, 4) + "**********" + value.substring(LENGTH - 4);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The masked form, so that string concatenation and logging never reveal the number. */
    @Override
    public String toString() {
        return masked();
    }
}
