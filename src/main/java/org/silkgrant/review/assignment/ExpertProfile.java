package org.silkgrant.review.assignment;

import java.util.List;
import java.util.Set;

/**
 * What the assignment needs to know of an expert: who they are (name, identity key, organisation), what they know
 * (the call's field codes and free keywords) and the conflicts they declared themselves.
 */
public record ExpertProfile(long id, Person person, Set<String> fields, Set<String> keywords,
        List<Organisation> declaredOrganisations, List<Person> declaredPeople) {

    public ExpertProfile {
        fields = fields == null ? Set.of() : Set.copyOf(fields);
        keywords = keywords == null ? Set.of() : Set.copyOf(keywords);
        declaredOrganisations = declaredOrganisations == null ? List.of() : List.copyOf(declaredOrganisations);
        declaredPeople = declaredPeople == null ? List.of() : List.copyOf(declaredPeople);
        if (person == null) {
            throw new IllegalArgumentException("expert " + id + " has no person");
        }
    }

    public Organisation organisation() {
        return person.organisation();
    }
}
