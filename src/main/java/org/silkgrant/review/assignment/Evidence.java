package org.silkgrant.review.assignment;

/**
 * One rule that held for a conflicted pair ({@link Conflicts#explain}): the reason it gives, on what basis, the
 * application's side and the expert's side of the match, and for a declaration its position in the expert's declared
 * organisations or people ({@code declared}, −1 for the expert's own organisation or person).
 *
 * @param sharedKey the registry key both organisations share, for {@link Basis#SAME_REGISTRY_KEY}; else null
 */
public record Evidence(ConflictReason reason, Basis basis, Side application, Side expert, int declared,
        String sharedKey) {

    /**
     * An organisation or a person as it was matched. Identity keys (ID-card or passport numbers) are never part of
     * it: they are personal data and only ever compared.
     *
     * @param name            the organisation's or the person's name as written
     * @param creditCode      the organisation's credit code (a person's: their organisation's), as written; or null
     * @param creditCodeValid whether that code passes GB 32100; null when there is none
     * @param organisation    for a person, their organisation's name; null for an organisation or when unknown
     */
    public record Side(String name, String creditCode, Boolean creditCodeValid, String organisation) {

        static Side of(Organisation organisation) {
            String code = blankToNull(organisation.creditCode());
            return new Side(organisation.name(), code, code == null ? null : Matching.valid(code), null);
        }

        static Side of(Person person) {
            Organisation organisation = person.organisation();
            String code = organisation == null ? null : blankToNull(organisation.creditCode());
            return new Side(person.name(), code, code == null ? null : Matching.valid(code),
                    organisation == null ? null : organisation.name());
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }
}
