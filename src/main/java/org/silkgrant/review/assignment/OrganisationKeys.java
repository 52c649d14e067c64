package org.silkgrant.review.assignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Extra keys under which an organisation is matched, beside its credit code and its normalised name: a registry id
 * that the registry of foreign institutions gives every name of one institution in every script («Алтайский
 * государственный университет», "Altai State University", 阿尔泰国立大学 …), or any other alias table. Two
 * organisations sharing a key are the same institution: certainly when both sides' keys are marked certain (a
 * confirmed registry entry), possibly otherwise (a guess, a transliteration). {@link #none()} adds nothing, which is
 * the rule of today. Implementations must answer from memory: the finder asks once per organisation and call.
 */
@FunctionalInterface
public interface OrganisationKeys {

    /** A key and whether a match through it is certain. */
    record Key(String value, boolean certain) {

        public Key {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a match key needs a value");
            }
        }
    }

    /** No extra keys (the default). */
    OrganisationKeys NONE = organisation -> List.of();

    /** The organisation's extra keys; never null. */
    List<Key> keys(Organisation organisation);

    /** No extra keys: credit codes and names decide alone. */
    static OrganisationKeys none() {
        return NONE;
    }

    /** A table from names (compared normalised, {@link Names#normalise}) to keys. */
    static OrganisationKeys byName(Map<String, Key> aliases) {
        Map<String, Key> table = new HashMap<>();
        aliases.forEach((name, key) -> table.put(Names.normalise(name), key));
        return organisation -> {
            Key key = table.get(Names.normalise(organisation.name()));
            return key == null ? List.of() : List.of(key);
        };
    }
}
