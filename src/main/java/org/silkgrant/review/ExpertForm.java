package org.silkgrant.review;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An expert's profile as entered by the office, an import row or the expert: lists may hold duplicates and blanks,
 * which {@link ExpertManagement} normalises.
 *
 * @param organizationCode the organisation's unified social credit code; required when {@code country} is CN
 * @param country          ISO 3166-1 alpha-2
 * @param title            professional title (职称), optional
 * @param fields           codes of the calls' fields
 * @param languages        ISO 639-1 codes
 */
public record ExpertForm(String fullName, String organizationName, String organizationCode, String country,
        String title, List<String> fields, List<String> keywords, List<String> languages, String email) {

    private static final Pattern SEPARATORS = Pattern.compile("[,，;；、\\n\\r]+");
    private static final Pattern SEPARATORS_OR_SPACE = Pattern.compile("[,，;；、\\s]+");

    public ExpertForm {
        fields = fields == null ? List.of() : fields.stream().filter(v -> v != null).toList();
        keywords = keywords == null ? List.of() : keywords.stream().filter(v -> v != null).toList();
        languages = languages == null ? List.of() : languages.stream().filter(v -> v != null).toList();
    }

    /** Keywords typed in one box: separated by commas, semicolons or 、 (a keyword may hold spaces). */
    public static List<String> splitKeywords(String text) {
        return text == null ? List.of()
                : Arrays.stream(SEPARATORS.split(text)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Codes typed in one box (fields, languages): separated by commas, semicolons, 、 or spaces. */
    public static List<String> splitCodes(String text) {
        return text == null ? List.of()
                : Arrays.stream(SEPARATORS_OR_SPACE.split(text)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The profile after checking: trimmed, codes upper or lower case as stored, lists without duplicates. */
    record Normalized(String fullName, String organizationName, String organizationCode, String country, String title,
            List<String> fields, List<String> keywords, List<String> languages, String email) {
    }
}
