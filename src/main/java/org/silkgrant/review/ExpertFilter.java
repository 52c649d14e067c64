package org.silkgrant.review;

/**
 * The office's search of the registry; every part is optional.
 *
 * @param name         part of the expert's name
 * @param organization part of the organisation's name, or its credit code
 * @param field        a field code the expert reviews in
 * @param keyword      part of one of the expert's keywords
 * @param country      ISO 3166-1 alpha-2
 * @param active       only active (true) or inactive (false) experts; null: both
 */
public record ExpertFilter(String name, String organization, String field, String keyword, String country,
        Boolean active) {

    public static ExpertFilter all() {
        return new ExpertFilter(null, null, null, null, null, null);
    }
}
