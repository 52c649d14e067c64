package org.silkgrant.review.assignment;

/**
 * An organisation as far as conflicts of interest are concerned: its unified social credit code when it has one
 * (Chinese organisations), its name, and its country (ISO code, null when unknown).
 *
 * <p>Two organisations are the same when both have a credit code and the codes are equal; otherwise when their
 * normalised names ({@link Names#normalise}) are equal and their countries do not differ (an unknown country
 * differs from none). This is the certain rule without registry keys; {@link Matching} adds the possible ones
 * (same name, credit codes that differ or fail GB 32100) and the keys of an {@link OrganisationKeys}.
 */
public record Organisation(String creditCode, String name, String country) {

    public static Organisation chinese(String creditCode, String name) {
        return new Organisation(creditCode, name, "CN");
    }

    public static Organisation foreign(String name, String country) {
        return new Organisation(null, name, country);
    }

    public static Organisation named(String name) {
        return new Organisation(null, name, null);
    }

    /** Whether this is certainly the same organisation as the other, by the rule above. */
    public boolean sameAs(Organisation other) {
        if (other == null) {
            return false;
        }
        String code = Names.code(creditCode);
        String otherCode = Names.code(other.creditCode);
        if (code != null && otherCode != null) {
            return code.equals(otherCode);
        }
        String key = Names.normalise(name);
        if (key.isEmpty() || !key.equals(Names.normalise(other.name))) {
            return false;
        }
        String country = Names.country(this.country);
        String otherCountry = Names.country(other.country);
        return country == null || otherCountry == null || country.equals(otherCountry);
    }
}
