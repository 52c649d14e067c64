package org.silkgrant.review.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Finds every conflicted (application, expert) pair of a call at once. The experts' organisations, persons and
 * declarations are put into hash indices once; each application then looks up its own organisations and people,
 * so the work grows with the number of applications, experts and hits — never with applications × experts.
 * The matching rules are those of {@link Organisation#sameAs} and {@link Person#sameAs}.
 */
public final class ConflictFinder {

    private ConflictFinder() {
    }

    public static Conflicts find(List<ApplicationProfile> applications, List<ExpertProfile> experts) {
        int m = experts.size();
        OrganisationIndex worksFor = new OrganisationIndex();
        OrganisationIndex declaredOrganisations = new OrganisationIndex();
        PersonIndex is = new PersonIndex();
        PersonIndex declaredPeople = new PersonIndex();
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
        byte[][] masks = new byte[n][];
        int[] mask = new int[m];
        int[] touched = new int[m];
        for (int a = 0; a < n; a++) {
            ApplicationProfile application = applications.get(a);
            applicationIds[a] = application.id();
            int[] size = {0};
            Marker mark = reason -> e -> {
                if (mask[e] == 0) {
                    touched[size[0]++] = e;
                }
                mask[e] |= reason.bit();
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
            int[] list = java.util.Arrays.copyOf(touched, size[0]);
            java.util.Arrays.sort(list);
            byte[] bits = new byte[list.length];
            for (int i = 0; i < list.length; i++) {
                bits[i] = (byte) mask[list[i]];
                mask[list[i]] = 0;
            }
            conflicted[a] = list;
            masks[a] = bits;
        }
        return new Conflicts(applicationIds, expertIds, conflicted, masks);
    }

    @FunctionalInterface
    private interface Marker {
        IntConsumer with(ConflictReason reason);
    }

    /** Organisations by credit code and by normalised name, with the owner (an expert index) of each entry. */
    private static final class OrganisationIndex {

        private record Entry(int owner, String code, String country) {
        }

        private final Map<String, List<Entry>> byCode = new HashMap<>();
        private final Map<String, List<Entry>> byName = new HashMap<>();

        void add(int owner, Organisation organisation) {
            Entry entry = new Entry(owner, Names.code(organisation.creditCode()), Names.country(organisation.country()));
            if (entry.code() != null) {
                byCode.computeIfAbsent(entry.code(), c -> new ArrayList<>(2)).add(entry);
            }
            String name = Names.normalise(organisation.name());
            if (!name.isEmpty()) {
                byName.computeIfAbsent(name, c -> new ArrayList<>(2)).add(entry);
            }
        }

        void match(Organisation organisation, IntConsumer owners) {
            String code = Names.code(organisation.creditCode());
            String country = Names.country(organisation.country());
            if (code != null) {
                for (Entry entry : byCode.getOrDefault(code, List.of())) {
                    owners.accept(entry.owner());
                }
            }
            String name = Names.normalise(organisation.name());
            if (name.isEmpty()) {
                return;
            }
            for (Entry entry : byName.getOrDefault(name, List.of())) {
                // Two credit codes decide alone; otherwise the names do, unless the countries differ.
                if ((code == null || entry.code() == null)
                        && (country == null || entry.country() == null || country.equals(entry.country()))) {
                    owners.accept(entry.owner());
                }
            }
        }
    }

    /** People by identity key and by normalised name, with the owner (an expert index) of each entry. */
    private static final class PersonIndex {

        private record Entry(int owner, String key, Organisation organisation) {
        }

        private final Map<String, List<Entry>> byKey = new HashMap<>();
        private final Map<String, List<Entry>> byName = new HashMap<>();

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

        void match(Person person, IntConsumer owners) {
            String key = Names.code(person.identityKey());
            if (key != null) {
                for (Entry entry : byKey.getOrDefault(key, List.of())) {
                    owners.accept(entry.owner());
                }
            }
            String name = Names.normalise(person.name());
            if (name.isEmpty()) {
                return;
            }
            for (Entry entry : byName.getOrDefault(name, List.of())) {
                if ((key == null || entry.key() == null)
                        && (person.organisation() == null || entry.organisation() == null
                                || person.organisation().sameAs(entry.organisation()))) {
                    owners.accept(entry.owner());
                }
            }
        }
    }
}
