package org.silkgrant.review.assignment;

import java.util.List;
import java.util.Set;

/**
 * What the assignment needs to know of an application: its field (a call field code), its keywords (from the title
 * and the keywords section), the applicant, the co-applicants and the foreign partner organisations, the team
 * members and the partners' named people.
 */
public record ApplicationProfile(long id, String field, Set<String> keywords, Organisation applicant,
        List<Organisation> coApplicants, List<Organisation> partners, List<Person> team, List<Person> partnerPeople) {

    public ApplicationProfile {
        keywords = keywords == null ? Set.of() : Set.copyOf(keywords);
        coApplicants = coApplicants == null ? List.of() : List.copyOf(coApplicants);
        partners = partners == null ? List.of() : List.copyOf(partners);
        team = team == null ? List.of() : List.copyOf(team);
        partnerPeople = partnerPeople == null ? List.of() : List.copyOf(partnerPeople);
    }
}
