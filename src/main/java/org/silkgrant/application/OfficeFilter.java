package org.silkgrant.application;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

import org.silkgrant.organization.OrganizationType;

/**
 * What the office narrows its table of a call's applications by; every part is optional and the parts combine.
 * Bound from the query string of the page and of the API under the same names.
 *
 * @param status one or several states (none: every state)
 * @param organization part of the organisation's name, case-insensitive
 * @param country a partner country (ISO 3166-1 alpha-2) among the application's partners
 * @param fiscalMin fiscal funds in 万元, at least
 * @param selfRaisedMax self-raised funds in 万元, at most
 */
public record OfficeFilter(Set<ApplicationStatus> status, String category, String scope, String field,
        String organization, OrganizationType organizationType, String country, BigDecimal fiscalMin,
        BigDecimal fiscalMax, BigDecimal selfRaisedMin, BigDecimal selfRaisedMax) {

    /** No narrowing at all. */
    public static final OfficeFilter NONE = new OfficeFilter(null, null, null, null, null, null, null, null, null,
            null, null);

    public OfficeFilter {
        // An empty field of the GET form arrives as an empty string (bound as null): it means "any".
        status = status == null ? Set.of()
                : status.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toUnmodifiableSet());
        category = blankToNull(category);
        scope = blankToNull(scope);
        field = blankToNull(field);
        organization = blankToNull(organization);
        country = blankToNull(country) == null ? null : country.strip().toUpperCase(Locale.ROOT);
    }

    /** Only these states, the rest as before. */
    public OfficeFilter withStatus(Set<ApplicationStatus> only) {
        return new OfficeFilter(only, category, scope, field, organization, organizationType, country, fiscalMin,
                fiscalMax, selfRaisedMin, selfRaisedMax);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
