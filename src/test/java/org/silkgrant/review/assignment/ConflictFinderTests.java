package org.silkgrant.review.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ConflictFinderTests {

    private static final Organisation XJU = Organisation.chinese("12650000458000000X", "新疆大学");
    private static final Organisation ALTAI = Organisation.foreign("Altai State University", "RU");
    private static final Organisation OTHER = Organisation.chinese("91650100MA77000001", "乌鲁木齐某公司");

    private static ApplicationProfile application(Organisation applicant, List<Organisation> coApplicants,
            List<Organisation> partners, List<Person> team, List<Person> partnerPeople) {
        return new ApplicationProfile(1, "NEW_ENERGY", Set.of(), applicant, coApplicants, partners, team,
                partnerPeople);
    }

    private static ApplicationProfile plain() {
        return application(OTHER, List.of(), List.of(ALTAI), List.of(Person.of("王伟", OTHER)),
                List.of(Person.of("Ivan Petrov", ALTAI)));
    }

    private static ExpertProfile expert(Person person) {
        return new ExpertProfile(7, person, Set.of(), Set.of(), List.of(), List.of());
    }

    private static Set<ConflictReason> reasons(ApplicationProfile application, ExpertProfile expert) {
        return ConflictFinder.find(List.of(application), List.of(expert)).reasons(application.id(), expert.id());
    }

    @Test
    void anExpertOfTheApplicantConflicts() {
        ApplicationProfile application = application(XJU, List.of(), List.of(), List.of(), List.of());
        assertThat(reasons(application, expert(Person.of("李明", XJU))))
                .containsExactly(ConflictReason.EXPERT_ORG_IS_APPLICANT);
    }

    @Test
    void anExpertOfACoApplicantConflicts() {
        ApplicationProfile application = application(OTHER, List.of(XJU), List.of(), List.of(), List.of());
        assertThat(reasons(application, expert(Person.of("李明", XJU))))
                .containsExactly(ConflictReason.EXPERT_ORG_IS_CO_APPLICANT);
    }

    @Test
    void anExpertOfAPartnerConflictsByNameAndCountry() {
        ApplicationProfile application = application(OTHER, List.of(), List.of(ALTAI), List.of(), List.of());
        assertThat(reasons(application, expert(Person.of("Anna", Organisation.foreign(" ALTAI state-university ", "ru")))))
                .containsExactly(ConflictReason.EXPERT_ORG_IS_PARTNER);
        // the same name in another country is another organisation
        assertThat(reasons(application, expert(Person.of("Anna", Organisation.foreign("Altai State University", "KZ")))))
                .isEmpty();
    }

    @Test
    void anExpertOnTheTeamConflicts() {
        ApplicationProfile application = application(OTHER, List.of(), List.of(),
                List.of(new Person("张三", "650102198001010011", XJU)), List.of());
        assertThat(reasons(application, expert(new Person("张 三", "650102198001010011", XJU))))
                .containsExactly(ConflictReason.EXPERT_ON_TEAM);
    }

    @Test
    void anExpertWhoIsAPartnerPersonConflicts() {
        // (a partner person usually works for a partner organisation and conflicts twice; here the person is named
        // without one)
        ApplicationProfile application = application(OTHER, List.of(), List.of(), List.of(),
                List.of(Person.of("Ivan Petrov", null)));
        assertThat(reasons(application, expert(Person.of("IVAN  PETROV", ALTAI))))
                .containsExactly(ConflictReason.EXPERT_IS_PARTNER_PERSON);
        assertThat(reasons(plain(), expert(Person.of("IVAN  PETROV", ALTAI))))
                .containsExactlyInAnyOrder(ConflictReason.EXPERT_IS_PARTNER_PERSON, ConflictReason.EXPERT_ORG_IS_PARTNER);
    }

    @Test
    void aDeclaredOrganisationConflicts() {
        ExpertProfile expert = new ExpertProfile(7, Person.of("李明", XJU), Set.of(), Set.of(),
                List.of(Organisation.named("乌鲁木齐某公司")), List.of());
        assertThat(reasons(plain(), expert)).containsExactly(ConflictReason.DECLARED_ORGANISATION);
    }

    @Test
    void aDeclaredPersonConflicts() {
        ExpertProfile expert = new ExpertProfile(7, Person.of("李明", XJU), Set.of(), Set.of(), List.of(),
                List.of(Person.of("王伟", null)));
        assertThat(reasons(plain(), expert)).containsExactly(ConflictReason.DECLARED_PERSON);
    }

    @Test
    void organisationsMatchByCreditCodeWhenBothHaveOneAndByNormalisedNameOtherwise() {
        Organisation fullWidth = new Organisation(null, "　新疆大学（本部）", null);
        Organisation halfWidth = new Organisation("12650000458000000X", "新疆大学(本部)", "CN");
        assertThat(fullWidth.sameAs(halfWidth)).isTrue();
        // two credit codes decide alone, even when the names agree
        assertThat(Organisation.chinese("12650000458000000X", "A").sameAs(Organisation.chinese("12650000458000000x", "B")))
                .isTrue();
        assertThat(Organisation.chinese("12650000458000000X", "新疆大学").sameAs(Organisation.chinese("91650100MA77000001", "新疆大学")))
                .isFalse();
        // the index agrees with sameAs
        ApplicationProfile application = application(halfWidth, List.of(), List.of(), List.of(), List.of());
        assertThat(reasons(application, expert(Person.of("李明", fullWidth))))
                .containsExactly(ConflictReason.EXPERT_ORG_IS_APPLICANT);
        assertThat(reasons(application(Organisation.chinese("12650000458000000X", "新疆大学"), List.of(), List.of(),
                List.of(), List.of()), expert(Person.of("李明", Organisation.chinese("91650100MA77000001", "新疆大学")))))
                .isEmpty();
    }

    @Test
    void peopleMatchByIdentityKeyWhenBothHaveOneAndByNameAndOrganisationOtherwise() {
        ApplicationProfile application = application(OTHER, List.of(), List.of(),
                List.of(new Person("张三", "ID-1", XJU)), List.of());
        // same name, different identity keys: two people
        assertThat(reasons(application, expert(new Person("张三", "ID-2", XJU)))).isEmpty();
        // same name, no key on one side, other organisation: two people
        assertThat(reasons(application, expert(Person.of("张三", OTHER)))).containsExactly(ConflictReason.EXPERT_ORG_IS_APPLICANT);
        assertThat(reasons(application, expert(Person.of("张三", ALTAI)))).isEmpty();
        // same name and organisation, no key on one side: the same person
        assertThat(reasons(application, expert(Person.of("张三", XJU)))).containsExactly(ConflictReason.EXPERT_ON_TEAM);
    }

    @Test
    void onePairCarriesEveryReasonThatApplies() {
        ExpertProfile expert = new ExpertProfile(7, new Person("王伟", null, OTHER), Set.of(), Set.of(),
                List.of(ALTAI), List.of());
        assertThat(reasons(plain(), expert)).containsExactlyInAnyOrder(ConflictReason.EXPERT_ORG_IS_APPLICANT,
                ConflictReason.EXPERT_ON_TEAM, ConflictReason.DECLARED_ORGANISATION);
    }

    @Test
    void theIndexFindsExactlyThePairsThatThePairwiseRulesFind() {
        SyntheticCall call = SyntheticCall.small(42, 60, 80);
        Conflicts conflicts = ConflictFinder.find(call.applications(), call.experts());
        long pairwise = 0;
        for (ApplicationProfile application : call.applications()) {
            for (ExpertProfile expert : call.experts()) {
                boolean conflicted = pairwise(application, expert);
                assertThat(conflicts.conflicted(application.id(), expert.id()))
                        .as("application %d, expert %d", application.id(), expert.id()).isEqualTo(conflicted);
                pairwise += conflicted ? 1 : 0;
            }
        }
        assertThat(conflicts.count()).isEqualTo(pairwise).isPositive();
        assertThat(conflicts.all()).hasSize((int) pairwise);
    }

    /** The rules written out pair by pair, the slow way. */
    private static boolean pairwise(ApplicationProfile application, ExpertProfile expert) {
        List<Organisation> organisations = new java.util.ArrayList<>();
        if (application.applicant() != null) {
            organisations.add(application.applicant());
        }
        organisations.addAll(application.coApplicants());
        organisations.addAll(application.partners());
        List<Person> people = new java.util.ArrayList<>(application.team());
        people.addAll(application.partnerPeople());
        for (Organisation organisation : organisations) {
            if (organisation.sameAs(expert.organisation())
                    || expert.declaredOrganisations().stream().anyMatch(organisation::sameAs)) {
                return true;
            }
        }
        for (Person person : people) {
            if (person.sameAs(expert.person()) || expert.declaredPeople().stream().anyMatch(person::sameAs)) {
                return true;
            }
        }
        return false;
    }
}
