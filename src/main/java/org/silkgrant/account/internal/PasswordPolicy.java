package org.silkgrant.account.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.passay.CharacterCharacteristicsRule;
import org.passay.CharacterRule;
import org.passay.DictionaryRule;
import org.passay.EnglishCharacterData;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;
import org.passay.dictionary.sort.ArraysSort;
import org.silkgrant.shared.FieldViolationException.Violation;
import org.springframework.stereotype.Component;

/**
 * The password policy (MLPS level 3, OWASP ASVS V2.1): at least 8 characters from 3 of the 4 classes, not
 * containing the user name, and not one of the common passwords shipped in {@code security/common-passwords.txt}.
 * Passay does the checking; this class turns its results into translated field errors.
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    private final PasswordValidator validator;

    public PasswordPolicy() {
        CharacterCharacteristicsRule classes = new CharacterCharacteristicsRule(3,
                new CharacterRule(EnglishCharacterData.UpperCase, 1),
                new CharacterRule(EnglishCharacterData.LowerCase, 1),
                new CharacterRule(EnglishCharacterData.Digit, 1),
                new CharacterRule(EnglishCharacterData.Special, 1));
        this.validator = new PasswordValidator(
                new LengthRule(MIN_LENGTH, MAX_LENGTH),
                classes,
                new UsernameRule(true, true),
                new DictionaryRule(new WordListDictionary(commonPasswords())));
    }

    /** The violations of the policy, each a field error on {@code field}; empty when the password is fine. */
    public List<Violation> check(String field, String username, String password) {
        if (password == null || password.isEmpty()) {
            return List.of(new Violation(field, "REQUIRED", "password.REQUIRED"));
        }
        RuleResult result = validator.validate(new PasswordData(username == null ? "" : username, password));
        if (result.isValid()) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (RuleResultDetail detail : result.getDetails()) {
            String code = switch (detail.getErrorCode()) {
                case "TOO_SHORT" -> "TOO_SHORT";
                case "TOO_LONG" -> "TOO_LONG";
                case "ILLEGAL_USERNAME", "ILLEGAL_USERNAME_REVERSED" -> "CONTAINS_USERNAME";
                case "ILLEGAL_WORD", "ILLEGAL_WORD_REVERSED" -> "COMMON";
                default -> "CHARACTER_CLASSES";
            };
            codes.add(code);
        }
        List<Violation> violations = new ArrayList<>();
        for (String code : codes) {
            violations.add(new Violation(field, code, "password." + code, MIN_LENGTH, MAX_LENGTH));
        }
        return violations;
    }

    private static ArrayWordList commonPasswords() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing");
            }
            String words = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.joining("\n"));
            return WordLists.createFromReader(new Reader[] {new StringReader(words)}, false, new ArraysSort());
        } catch (IOException e) {
            throw new IllegalStateException("security/common-passwords.txt cannot be read", e);
        }
    }
}
