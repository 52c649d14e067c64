package org.silkgrant.review;

import java.time.Instant;

/**
 * A conflict of interest an expert declared: an organisation (name and/or credit code), or a person with their
 * organisation; conflict computation treats applications touching it as conflicted.
 */
public record DeclaredConflict(Long id, Kind kind, String organizationName, String organizationCode,
        String personName, String reason, Instant declaredAt) {

    /** What the declaration names. */
    public enum Kind {
        ORGANIZATION, PERSON
    }
}
