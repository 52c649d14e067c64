package org.silkgrant.review;

/**
 * A conflict an expert declares. ORGANIZATION needs {@code organizationName} or {@code organizationCode}; PERSON
 * needs {@code personName} and {@code organizationName}; both need a {@code reason}.
 */
public record NewDeclaredConflict(DeclaredConflict.Kind kind, String organizationName, String organizationCode,
        String personName, String reason) {
}
