package org.silkgrant.review.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every conflicted (application, expert) pair of a call at once, certain and possible. The experts'
 * organisations (by credit code, normalised name and registry key), persons (by identity key and normalised name) and
 * declarations are put into hash indices once; each application then looks up its own organisations and people, so
 * the work grows with the number of applications, experts and hits — never with applications × experts. The rules
 * are those of {@link Matching}, pair by pair; a test checks that both find the same reasons.
 */
public final class ConflictFinder {

    private ConflictFinder() {
    }

    /** With credit codes and names alone ({@link OrganisationKeys#none()}). */
    public static Conflicts find(List<ApplicationProfile> applications, List<ExpertProfile> experts) {
        return find(applications, experts, OrganisationKeys.none());
    }

    /** With extra organisation keys (a registry of institutions, an alias table). */
    public static Conflicts find(List<ApplicationProfile> applications, List<ExpertProfile> experts,
            OrganisationKeys registry) {
        Matching matching = new Matching(registry);
        int m = experts.size();
        OrganisationIndex worksFor = new OrganisationIndex(matching);
        OrganisationIndex declaredOrganisations = new OrganisationIndex(matching);
        PersonIndex is = new PersonIndex(matching);
        PersonIndex declaredPeople = new PersonIndex(matching);
        long[] expertIds = new long[m];
        for (int e = 0; e < m; e++) {
            ExpertProfile expert = experts.get(e);
            expertIds[e] = expert.id();
            if (expert.organisation() != null) {
                worksFor.add(e, expert.organisation());
            }
            is.add(e, expert.person());
            for (Organisation organisation : expert.declaredOrganisations()) {
                declaredOrganisations.add(e, organisation);
            }
            for (Person person : expert.declaredPeople()) {
                declaredPeople.add(e, person);
            }
        }

        int n = applications.size();
        long[] applicationIds = new long[n];
        int[][] conflicted = new int[n][];
        int[][] masks = new int[n][];
        int[] mask = new int[m];
        int[] touched = new int[m];
        for (int a = 0; a < n; a++) {
            ApplicationProfile application = applications.get(a);
            applicationIds[a] = application.id();
            int[] size = {0};
            Marker mark = reason -> (e, certainty) -> {
                if (mask[e] == 0) {
                    touched[size[0]++] = e;
                }
                mask[e] |= reason.with(certainty).bit();
            };
            if (application.applicant() != null) {
                worksFor.match(application.applicant(), mark.with(ConflictReason.EXPERT_ORG_IS_APPLICANT));
                declaredOrganisations.match(application.applicant(), mark.with(ConflictReason.DECLARED_ORGANISATION));
            }
            for (Organisation organisation : application.coApplicants()) {
                worksFor.match(organisation, mark.with(ConflictReason.EXPERT_ORG_IS_CO_APPLICANT));
                declaredOrganisations.match(organisation, mark.with(ConflictReason.DECLARED_ORGANISATION));
            }
            for (Organisation organisation : application.partners()) {
                worksFor.match(organisation, mark.with(ConflictReason.EXPERT_ORG_IS_PARTNER));
                declaredOrganisations.match(organisation, mark.with(ConflictReason.DECLARED_ORGANISATION));
            }
            for (Person person : application.team()) {
                is.match(person, mark.with(ConflictReason.EXPERT_ON_TEAM));
                declaredPeople.match(person, mark.with(ConflictReason.DECLARED_PERSON));
            }
            for (Person person : application.partnerPeople()) {
                is.match(person, mark.with(ConflictReason.EXPERT_IS_PARTNER_PERSON));
                declaredPeople.match(person, mark.with(ConflictReason.DECLARED_PERSON));
            }
            int[] list = Arrays.copyOf(touched, size[0]);
            Arrays.sort(list);
            int[] bits = new int[list.length];
            for (int i = 0; i < list.length; i++) {
                bits[i] = mask[list[i]];
                mask[list[i]] = 0;
            }
            conflicted[a] = list;
            masks[a] = bits;
        }
        return new Conflicts(applicationIds, expertIds, conflicted, masks, applications, experts, matching);
    }

    /** Receives an owner (an expert index) and how sure the match is. */
    @FunctionalInterface
    private interface Hit {
        void accept(int owner, Certainty certainty);
    }

    @FunctionalInterface
    private interface Marker {
        Hit with(ConflictReason reason);
    }

    /** Organisations by credit code, normalised name and registry key, with the owner (an expert index) of each. */
    private static final class OrganisationIndex {

        private record Entry(int owner, String code, String country, Map<String, Boolean> keys) {
        }

        private final Matching matching;
        private final Map<String, List<Entry>> byCode = new HashMap<>();
        private final Map<String, List<Entry>> byName = new HashMap<>();
        private final Map<String, List<Entry>> byKey = new HashMap<>();

        OrganisationIndex(Matching matching) {
            this.matching = matching;
        }

        void add(int owner, Organisation organisation) {
            Entry entry = new Entry(owner, Names.code(organisation.creditCode()), Names.country(organisation.country()),
                    matching.keys(organisation));
            if (entry.code() != null) {
                byCode.computeIfAbsent(entry.code(), c -> new ArrayList<>(2)).add(entry);
            }
            String name = Names.normalise(organisation.name());
            if (!name.isEmpty()) {
                byName.computeIfAbsent(name, c -> new ArrayList<>(2)).add(entry);
            }
            for (String key : entry.keys().keySet()) {
                byKey.computeIfAbsent(key, c -> new ArrayList<>(2)).add(entry);
            }
        }

        void match(Organisation organisation, Hit hits) {
            String code = Names.code(organisation.creditCode());
            String country = Names.country(organisation.country());
            if (code != null) {
                for (Entry entry : byCode.getOrDefault(code, List.of())) {
                    hits.accept(entry.owner(), Certainty.CERTAIN);
                }
            }
            String name = Names.normalise(organisation.name());
            if (!name.isEmpty()) {
                for (Entry entry : byName.getOrDefault(name, List.of())) {
                    if (!Matching.countriesAgree(country, entry.country())) {
                        continue;
                    }
                    if (code == null || entry.code() == null) {
                        hits.accept(entry.owner(), Certainty.CERTAIN);
                    } else if (!code.equals(entry.code())) {
                        // Two credit codes that disagree on one name: possibly a typing error, possibly two bodies.
                        hits.accept(entry.owner(), Certainty.POSSIBLE);
                    }
                }
            }
            if (!byKey.isEmpty()) {
                for (Map.Entry<String, Boolean> key : matching.keys(organisation).entrySet()) {
                    for (Entry entry : byKey.getOrDefault(key.getKey(), List.of())) {
                        hits.accept(entry.owner(), key.getValue() && entry.keys().get(key.getKey())
                                ? Certainty.CERTAIN : Certainty.POSSIBLE);
                    }
                }
            }
        }
    }

    /** People by identity key and by normalised name, with the owner (an expert index) of each entry. */
    private static final class PersonIndex {

        private record Entry(int owner, String key, Organisation organisation) {
        }

        private final Matching matching;
        private final Map<String, List<Entry>> byKey = new HashMap<>();
        private final Map<String, List<Entry>> byName = new HashMap<>();

        PersonIndex(Matching matching) {
            this.matching = matching;
        }

        void add(int owner, Person person) {
            Entry entry = new Entry(owner, Names.code(person.identityKey()), person.organisation());
            if (entry.key() != null) {
                byKey.computeIfAbsent(entry.key(), c -> new ArrayList<>(1)).add(entry);
            }
            String name = Names.normalise(person.name());
            if (!name.isEmpty()) {
                byName.computeIfAbsent(name, c -> new ArrayList<>(2)).add(entry);
            }
        }

        void match(Person person, Hit hits) {
            String key = Names.code(person.identityKey());
            if (key != null) {
                for (Entry entry : byKey.getOrDefault(key, List.of())) {
                    hits.accept(entry.owner(), Certainty.CERTAIN);
                }
            }
            String name = Names.normalise(person.name());
            if (name.isEmpty()) {
                return;
            }
            for (Entry entry : byName.getOrDefault(name, List.of())) {
                if (key != null && key.equals(entry.key())) {
                    continue;
                }
                Matching.Match match = matching.sameName(key, person.organisation(), entry.key(), entry.organisation());
                if (match != null) {
                    hits.accept(entry.owner(), match.certainty());
                }
            }
        }
    }
}
