package org.silkgrant.review.assignment;

/**
 * A person as far as conflicts of interest are concerned: name, an identity key when one is known (for example the
 * ID-card or passport number, or the account id) and the organisation the person works for (null when unknown).
 *
 * <p>Two people are the same when both have an identity key and the keys are equal; otherwise when their
 * normalised names are equal and their organisations are the same ({@link Organisation#sameAs}) — or, when either
 * organisation is unknown, on the name alone (a false conflict only removes one expert from one application; a
 * missed one is what peer review is blamed for). This is the certain rule; {@link Matching} adds the possible ones
 * (the same name in the same organisation with different identity keys, or in a possibly same organisation).
 */
public record Person(String name, String identityKey, Organisation organisation) {

    public static Person of(String name, Organisation organisation) {
        return new Person(name, null, organisation);
    }

    /** Whether this is certainly the same person as the other, by the rule above. */
    public boolean sameAs(Person other) {
        if (other == null) {
            return false;
        }
        String key = Names.code(identityKey);
        String otherKey = Names.code(other.identityKey);
        if (key != null && otherKey != null) {
            return key.equals(otherKey);
        }
        String nameKey = Names.normalise(name);
        if (nameKey.isEmpty() || !nameKey.equals(Names.normalise(other.name))) {
            return false;
        }
        return organisation == null || other.organisation == null || organisation.sameAs(other.organisation);
    }
}
