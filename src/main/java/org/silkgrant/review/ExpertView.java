package org.silkgrant.review;

import java.time.Instant;
import java.util.List;

/**
 * An expert of the registry with everything conflict computation and assignment read: the organisation (credit
 * code when Chinese), fields, keywords and declared conflicts.
 *
 * @param userId           the expert's account
 * @param organizationCode unified social credit code, upper case; null for a foreign organisation
 * @param country          ISO 3166-1 alpha-2
 * @param fields           field codes of the calls, sorted
 * @param keywords         free keywords as written, sorted
 * @param languages        ISO 639-1 codes, sorted
 * @param email            lower case
 * @param active           whether the expert may be assigned; an inactive expert still signs in
 */
public record ExpertView(Long id, Long userId, String username, String fullName, String organizationName,
        String organizationCode, String country, String title, List<String> fields, List<String> keywords,
        List<String> languages, String email, boolean active, List<DeclaredConflict> conflicts, Instant createdAt,
        Instant updatedAt, long version) {
}
