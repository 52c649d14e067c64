package org.silkgrant.review.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.silkgrant.shared.CreditCode;

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
        // two codes that differ are not certainly two organisations when the names agree (issue 12): possible
        assertThat(reasons(application(Organisation.chinese("12650000458000000X", "新疆大学"), List.of(), List.of(),
                List.of(), List.of()), expert(Person.of("李明", Organisation.chinese("91650100MA77000001", "新疆大学")))))
                .containsExactly(ConflictReason.POSSIBLE_ORG_IS_APPLICANT);
        // … and are two organisations when the names differ too
        assertThat(reasons(application(Organisation.chinese("12650000458000000X", "新疆大学"), List.of(), List.of(),
                List.of(), List.of()), expert(Person.of("李明", Organisation.chinese("91650100MA77000001", "新疆农业大学")))))
                .isEmpty();
    }

    @Test
    void peopleMatchByIdentityKeyWhenBothHaveOneAndByNameAndOrganisationOtherwise() {
        ApplicationProfile application = application(OTHER, List.of(), List.of(),
                List.of(new Person("张三", "ID-1", XJU)), List.of());
        // same name, different identity keys: certainly not one person, but in one organisation possibly (issue 12)
        assertThat(reasons(application, expert(new Person("张三", "ID-2", XJU))))
                .containsExactly(ConflictReason.POSSIBLE_ON_TEAM);
        assertThat(reasons(application, expert(new Person("张三", "ID-2", ALTAI)))).isEmpty();
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

    // ---------------------------------------------------------------- certain and possible (issue 12)

    /** A valid credit code (GB 32100 check character) of a public institution of the region. */
    private static String validCode(int seed) {
        String first17 = String.format("12650000%09d", seed);
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** The same code with a wrong check character. */
    private static String invalidCode(int seed) {
        String valid = validCode(seed);
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        return valid.substring(0, 17) + wrong;
    }

    private static Conflicts find(ApplicationProfile application, ExpertProfile expert) {
        return ConflictFinder.find(List.of(application), List.of(expert));
    }

    @Test
    void theSameNameWithTwoDifferentValidCreditCodesIsAPossibleConflict() {
        // The case of the issue: 新疆农业大学 as co-applicant with another (valid) code than the expert's.
        Organisation typed = Organisation.chinese(validCode(345), "新疆农业大学");
        Organisation registered = Organisation.chinese(validCode(346), "新疆农业大学");
        ApplicationProfile application = application(OTHER, List.of(typed), List.of(), List.of(), List.of());
        ExpertProfile expert = expert(Person.of("刘建华", registered));
        Conflicts conflicts = find(application, expert);

        assertThat(conflicts.reasons(1, 7)).containsExactly(ConflictReason.POSSIBLE_ORG_IS_CO_APPLICANT);
        assertThat(conflicts.conflicted(1, 7)).as("a possible conflict excludes the pair too").isTrue();
        assertThat(conflicts.all().get(0).certain()).isFalse();
        List<Evidence> evidence = conflicts.explain(1, 7);
        assertThat(evidence).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(ConflictReason.POSSIBLE_ORG_IS_CO_APPLICANT);
            assertThat(e.basis()).isEqualTo(Basis.CREDIT_CODES_DIFFER);
            assertThat(e.application()).isEqualTo(new Evidence.Side("新疆农业大学", validCode(345), true, null));
            assertThat(e.expert()).isEqualTo(new Evidence.Side("新疆农业大学", validCode(346), true, null));
        });
        // Still: the same code is certain, and a name against no code at all is certain as it always was.
        assertThat(reasons(application(OTHER, List.of(registered), List.of(), List.of(), List.of()), expert))
                .containsExactly(ConflictReason.EXPERT_ORG_IS_CO_APPLICANT);
        assertThat(reasons(application(OTHER, List.of(Organisation.named("新疆农业大学")), List.of(), List.of(),
                List.of()), expert)).containsExactly(ConflictReason.EXPERT_ORG_IS_CO_APPLICANT);
        // Another name with another code is no conflict at all.
        assertThat(reasons(application(OTHER, List.of(Organisation.chinese(validCode(345), "新疆大学")), List.of(),
                List.of(), List.of()), expert)).isEmpty();
    }

    @Test
    void theSameNameWithACreditCodeThatFailsTheCheckIsAPossibleConflict() {
        Organisation mistyped = Organisation.chinese(invalidCode(345), "新疆农业大学");
        ExpertProfile expert = expert(Person.of("刘建华", Organisation.chinese(validCode(345), "新疆农业大学")));
        for (ApplicationProfile application : List.of(
                application(mistyped, List.of(), List.of(), List.of(), List.of()),
                application(OTHER, List.of(mistyped), List.of(), List.of(), List.of()))) {
            Conflicts conflicts = find(application, expert);
            ConflictReason expected = application.applicant() == mistyped ? ConflictReason.POSSIBLE_ORG_IS_APPLICANT
                    : ConflictReason.POSSIBLE_ORG_IS_CO_APPLICANT;
            assertThat(conflicts.reasons(1, 7)).containsExactly(expected);
            assertThat(conflicts.explain(1, 7)).singleElement().satisfies(e -> {
                assertThat(e.basis()).isEqualTo(Basis.CREDIT_CODE_INVALID);
                assertThat(e.application().creditCode()).isEqualTo(invalidCode(345));
                assertThat(e.application().creditCodeValid()).isFalse();
                assertThat(e.expert().creditCodeValid()).isTrue();
            });
        }
        // A declared organisation with a mistyped code, against the applicant's registered one: possible too.
        ExpertProfile declaring = new ExpertProfile(7, Person.of("李明", XJU), Set.of(), Set.of(),
                List.of(Organisation.chinese(invalidCode(345), "新疆农业大学")), List.of());
        assertThat(reasons(application(Organisation.chinese(validCode(345), "新疆农业大学"), List.of(), List.of(),
                List.of(), List.of()), declaring)).containsExactly(ConflictReason.POSSIBLE_DECLARED_ORGANISATION);
    }

    @Test
    void theSamePersonNameInTheSameOrganisationWithDifferentIdentityKeysIsAPossibleConflict() {
        ApplicationProfile application = application(OTHER, List.of(), List.of(ALTAI),
                List.of(new Person("张三", "650102198001010011", XJU)),
                List.of(new Person("Ivan Petrov", "P-1", ALTAI)));
        Conflicts onTeam = find(application, expert(new Person("张 三", "650102198001010029", XJU)));
        assertThat(onTeam.reasons(1, 7)).containsExactly(ConflictReason.POSSIBLE_ON_TEAM);
        assertThat(onTeam.explain(1, 7)).singleElement().satisfies(e -> {
            assertThat(e.basis()).isEqualTo(Basis.IDENTITY_KEYS_DIFFER);
            assertThat(e.application().name()).isEqualTo("张三");
            assertThat(e.expert().name()).isEqualTo("张 三");
            assertThat(e.application().organisation()).isEqualTo("新疆大学");
            assertThat(e.toString()).as("identity keys are personal data, never evidence")
                    .doesNotContain("650102198001010011", "650102198001010029");
        });
        Conflicts partnerPerson = find(application, expert(new Person("IVAN PETROV", "P-2",
                Organisation.foreign("Altai State University", "RU"))));
        assertThat(partnerPerson.reasons(1, 7)).containsExactlyInAnyOrder(ConflictReason.POSSIBLE_PARTNER_PERSON,
                ConflictReason.EXPERT_ORG_IS_PARTNER);
        // Different keys in other organisations (or with one organisation unknown) are two people.
        assertThat(reasons(application, expert(new Person("张三", "650102198001010029", OTHER))))
                .containsExactly(ConflictReason.EXPERT_ORG_IS_APPLICANT);
        assertThat(reasons(application, expert(new Person("张三", "650102198001010029", null)))).isEmpty();
        // The same name in a possibly same organisation (two codes) is possible as well.
        ApplicationProfile withCodes = application(OTHER, List.of(), List.of(),
                List.of(Person.of("王芳", Organisation.chinese(validCode(1), "新疆农业大学"))), List.of());
        assertThat(reasons(withCodes, expert(Person.of("王芳", Organisation.chinese(validCode(2), "新疆农业大学")))))
                .containsExactlyInAnyOrder(ConflictReason.POSSIBLE_ON_TEAM);
    }

    @Test
    void dismissingClearsOnlyThePossibleReasonsItCovers() {
        Organisation typed = Organisation.chinese(validCode(345), "新疆农业大学");
        Organisation registered = Organisation.chinese(validCode(346), "新疆农业大学");
        ApplicationProfile possibleOnly = new ApplicationProfile(1, "F", Set.of(), OTHER, List.of(typed), List.of(),
                List.of(), List.of());
        ApplicationProfile alsoCertain = new ApplicationProfile(2, "F", Set.of(), registered, List.of(typed),
                List.of(), List.of(), List.of());
        ExpertProfile liu = new ExpertProfile(7, Person.of("刘建华", registered), Set.of(), Set.of(), List.of(),
                List.of());
        ExpertProfile other = new ExpertProfile(8, Person.of("赵敏", typed), Set.of(), Set.of(), List.of(),
                List.of(Person.of("刘某", null)));
        Conflicts conflicts = ConflictFinder.find(List.of(possibleOnly, alsoCertain), List.of(liu, other));
        assertThat(conflicts.reasons(2, 7)).containsExactlyInAnyOrder(ConflictReason.EXPERT_ORG_IS_APPLICANT,
                ConflictReason.POSSIBLE_ORG_IS_CO_APPLICANT);

        Set<ConflictReason> coApplicant = EnumSet.of(ConflictReason.POSSIBLE_ORG_IS_CO_APPLICANT);
        Conflicts dismissed = conflicts.withDismissed(Map.of(new Pair(1, 7), coApplicant, new Pair(2, 7), coApplicant));
        assertThat(dismissed.conflicted(1, 7)).as("dismissed: assignable").isFalse();
        assertThat(dismissed.reasons(2, 7)).as("a certain reason is never dismissed")
                .containsExactlyInAnyOrder(ConflictReason.EXPERT_ORG_IS_APPLICANT,
                        ConflictReason.POSSIBLE_ORG_IS_CO_APPLICANT);
        assertThat(dismissed.count()).isEqualTo(conflicts.count() - 1);
        assertThat(dismissed.reasons(1, 8)).isEqualTo(conflicts.reasons(1, 8));
        // A dismissal covering another reason leaves the pair excluded; the original is unchanged.
        assertThat(conflicts.withDismissed(Map.of(new Pair(1, 7), EnumSet.of(ConflictReason.POSSIBLE_ON_TEAM)))
                .conflicted(1, 7)).isTrue();
        assertThat(conflicts.conflicted(1, 7)).isTrue();
        // The solver honours it: the dismissed pair may be assigned, the other one not.
        Assignment assignment = new AssignmentSolver().solve(AssignmentRequest.of(List.of(possibleOnly, alsoCertain),
                List.of(liu, other), 1, 2), dismissed);
        assertThat(assignment.pairs()).extracting(p -> new Pair(p.applicationId(), p.expertId()))
                .contains(new Pair(1, 7)).doesNotContain(new Pair(2, 7));
        Assignment undismissed = new AssignmentSolver().solve(AssignmentRequest.of(List.of(possibleOnly, alsoCertain),
                List.of(liu, other), 1, 2), conflicts);
        assertThat(undismissed.pairs()).extracting(p -> new Pair(p.applicationId(), p.expertId()))
                .doesNotContain(new Pair(1, 7), new Pair(2, 7));
    }

    @Test
    void anAliasTableLetsNamesInOtherScriptsMatch() {
        // The structure the foreign-partners issue fills with the registry of foreign institutions.
        Organisation russian = Organisation.foreign("Алтайский государственный университет", "RU");
        ApplicationProfile application = application(OTHER, List.of(), List.of(russian), List.of(),
                List.of(Person.of("Иван Петров", russian)));
        ExpertProfile ivanov = expert(Person.of("Alexei Ivanov", Organisation.foreign("Altai State University", "RU")));
        assertThat(reasons(application, ivanov)).as("without a registry the scripts never meet").isEmpty();

        OrganisationKeys guessed = OrganisationKeys.byName(Map.of(
                "Алтайский государственный университет", new OrganisationKeys.Key("registry:ASU", false),
                "Altai State University", new OrganisationKeys.Key("registry:ASU", false)));
        Conflicts possible = ConflictFinder.find(List.of(application), List.of(ivanov), guessed);
        assertThat(possible.reasons(1, 7)).containsExactly(ConflictReason.POSSIBLE_ORG_IS_PARTNER);
        assertThat(possible.explain(1, 7)).singleElement().satisfies(e -> {
            assertThat(e.basis()).isEqualTo(Basis.SAME_REGISTRY_KEY);
            assertThat(e.sharedKey()).isEqualTo("registry:ASU");
            assertThat(e.application().name()).isEqualTo("Алтайский государственный университет");
            assertThat(e.expert().name()).isEqualTo("Altai State University");
        });

        OrganisationKeys confirmed = OrganisationKeys.byName(Map.of(
                "Алтайский государственный университет", new OrganisationKeys.Key("registry:ASU", true),
                "ALTAI STATE UNIVERSITY", new OrganisationKeys.Key("registry:ASU", true)));
        assertThat(ConflictFinder.find(List.of(application), List.of(ivanov), confirmed).reasons(1, 7))
                .containsExactly(ConflictReason.EXPERT_ORG_IS_PARTNER);
        // A person of the partner with the expert's name, in the aliased organisation: the same person, certainly.
        ExpertProfile petrov = expert(Person.of("Иван  Петров", Organisation.foreign("Altai State University", "RU")));
        assertThat(ConflictFinder.find(List.of(application), List.of(petrov), confirmed).reasons(1, 7))
                .containsExactlyInAnyOrder(ConflictReason.EXPERT_ORG_IS_PARTNER,
                        ConflictReason.EXPERT_IS_PARTNER_PERSON);
        assertThat(ConflictFinder.find(List.of(application), List.of(petrov), guessed).reasons(1, 7))
                .containsExactlyInAnyOrder(ConflictReason.POSSIBLE_ORG_IS_PARTNER,
                        ConflictReason.POSSIBLE_PARTNER_PERSON);
    }

    @Test
    void everyCertainReasonHasAPossibleTwinAndTheMasksHoldThemAll() {
        for (ConflictReason reason : ConflictReason.values()) {
            assertThat(reason.with(Certainty.CERTAIN).certainty()).isEqualTo(Certainty.CERTAIN);
            assertThat(reason.with(Certainty.POSSIBLE).certainty()).isEqualTo(Certainty.POSSIBLE);
            assertThat(reason.with(reason.certainty())).isEqualTo(reason);
            assertThat(reason.with(Certainty.POSSIBLE).with(Certainty.CERTAIN).with(reason.certainty()))
                    .isEqualTo(reason);
        }
        assertThat(ConflictReason.values()).hasSizeGreaterThan(8);
        assertThat(ConflictReason.CERTAIN_BITS & ConflictReason.POSSIBLE_BITS).isZero();
        assertThat(Integer.bitCount(ConflictReason.CERTAIN_BITS | ConflictReason.POSSIBLE_BITS))
                .isEqualTo(ConflictReason.values().length);
    }

    @Test
    void theIndexFindsExactlyTheReasonsTheRulesGiveOnAConfusableCall() {
        // Few names, clashing codes (valid, other valid, failing the check, none), people with and without identity
        // keys, an alias table half certain: every rule, certain and possible, is hit many times.
        Random random = new Random(20240612);
        String[] names = {"新疆农业大学", "新疆大学", "Altai State University", "Алтайский государственный университет",
                "塔城研究所"};
        Map<String, OrganisationKeys.Key> aliases = new HashMap<>();
        aliases.put("Altai State University", new OrganisationKeys.Key("registry:ASU", true));
        aliases.put("Алтайский государственный университет", new OrganisationKeys.Key("registry:ASU", true));
        aliases.put("塔城研究所", new OrganisationKeys.Key("registry:ASU", false));
        OrganisationKeys registry = OrganisationKeys.byName(aliases);
        List<ApplicationProfile> applications = new ArrayList<>();
        for (int a = 0; a < 70; a++) {
            List<Organisation> co = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                co.add(organisation(random, names));
            }
            List<Person> team = new ArrayList<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                team.add(person(random));
            }
            applications.add(new ApplicationProfile(a + 1, "F", Set.of(), organisation(random, names), co,
                    List.of(organisation(random, names)), team, List.of(person(random))));
        }
        List<ExpertProfile> experts = new ArrayList<>();
        for (int e = 0; e < 90; e++) {
            Person person = person(random);
            if (person.organisation() == null) {
                person = new Person(person.name(), person.identityKey(), organisation(random, names));
            }
            List<Organisation> declared = random.nextInt(4) == 0 ? List.of(organisation(random, names)) : List.of();
            List<Person> declaredPeople = random.nextInt(4) == 0 ? List.of(person(random)) : List.of();
            experts.add(new ExpertProfile(1000 + e, person, Set.of(), Set.of(), declared, declaredPeople));
        }
        for (OrganisationKeys keys : List.of(OrganisationKeys.none(), registry)) {
            Conflicts conflicts = ConflictFinder.find(applications, experts, keys);
            Map<Certainty, Integer> seen = new HashMap<>();
            long pairs = 0;
            for (ApplicationProfile application : applications) {
                for (ExpertProfile expert : experts) {
                    Set<ConflictReason> expected = expectedReasons(application, expert, keys == registry ? aliases
                            : Map.of());
                    assertThat(conflicts.reasons(application.id(), expert.id()))
                            .as("application %d, expert %d", application.id(), expert.id())
                            .isEqualTo(expected);
                    assertThat(conflicts.explain(application.id(), expert.id()).stream().map(Evidence::reason)
                            .collect(Collectors.toSet())).isEqualTo(expected);
                    expected.forEach(r -> seen.merge(r.certainty(), 1, Integer::sum));
                    pairs += expected.isEmpty() ? 0 : 1;
                }
            }
            assertThat(conflicts.count()).isEqualTo(pairs);
            assertThat(seen.getOrDefault(Certainty.CERTAIN, 0)).isGreaterThan(50);
            assertThat(seen.getOrDefault(Certainty.POSSIBLE, 0)).isGreaterThan(50);
        }
    }

    private static final String[] PEOPLE = {"张三", "李四", "Ivan Petrov", "王芳"};

    private static Organisation organisation(Random random, String[] names) {
        String name = names[random.nextInt(names.length)];
        String code = switch (random.nextInt(4)) {
            case 0 -> validCode(name.length());
            case 1 -> validCode(name.length() + 1);
            case 2 -> invalidCode(name.length());
            default -> null;
        };
        String country = switch (random.nextInt(3)) {
            case 0 -> "CN";
            case 1 -> "RU";
            default -> null;
        };
        return new Organisation(code, name, country);
    }

    private static Person person(Random random) {
        String key = switch (random.nextInt(3)) {
            case 0 -> "K1";
            case 1 -> "K2";
            default -> null;
        };
        Organisation organisation = random.nextInt(3) == 0 ? null
                : organisation(random, new String[] {"新疆农业大学", "新疆大学", "Altai State University"});
        return new Person(PEOPLE[random.nextInt(PEOPLE.length)], key, organisation);
    }

    /** The documented rules written out on their own (docs/review.md "Certain and possible conflicts"). */
    private static Set<ConflictReason> expectedReasons(ApplicationProfile application, ExpertProfile expert,
            Map<String, OrganisationKeys.Key> aliases) {
        Set<ConflictReason> out = EnumSet.noneOf(ConflictReason.class);
        Map<Organisation, ConflictReason> organisations = new java.util.LinkedHashMap<>();
        List<Object[]> orgs = new ArrayList<>();
        orgs.add(new Object[] {application.applicant(), ConflictReason.EXPERT_ORG_IS_APPLICANT});
        application.coApplicants().forEach(o -> orgs.add(new Object[] {o, ConflictReason.EXPERT_ORG_IS_CO_APPLICANT}));
        application.partners().forEach(o -> orgs.add(new Object[] {o, ConflictReason.EXPERT_ORG_IS_PARTNER}));
        for (Object[] entry : orgs) {
            Organisation organisation = (Organisation) entry[0];
            for (Certainty c : organisationRule(organisation, expert.organisation(), aliases)) {
                out.add(((ConflictReason) entry[1]).with(c));
            }
            for (Organisation declared : expert.declaredOrganisations()) {
                for (Certainty c : organisationRule(organisation, declared, aliases)) {
                    out.add(ConflictReason.DECLARED_ORGANISATION.with(c));
                }
            }
        }
        organisations.clear();
        List<Object[]> people = new ArrayList<>();
        application.team().forEach(p -> people.add(new Object[] {p, ConflictReason.EXPERT_ON_TEAM}));
        application.partnerPeople().forEach(p -> people.add(new Object[] {p, ConflictReason.EXPERT_IS_PARTNER_PERSON}));
        for (Object[] entry : people) {
            Person person = (Person) entry[0];
            Certainty c = personRule(person, expert.person(), aliases);
            if (c != null) {
                out.add(((ConflictReason) entry[1]).with(c));
            }
            for (Person declared : expert.declaredPeople()) {
                Certainty d = personRule(person, declared, aliases);
                if (d != null) {
                    out.add(ConflictReason.DECLARED_PERSON.with(d));
                }
            }
        }
        return out;
    }

    private static Set<Certainty> organisationRule(Organisation a, Organisation b,
            Map<String, OrganisationKeys.Key> aliases) {
        Set<Certainty> out = EnumSet.noneOf(Certainty.class);
        if (a == null || b == null) {
            return out;
        }
        String codeA = a.creditCode() == null ? null : a.creditCode().toUpperCase();
        String codeB = b.creditCode() == null ? null : b.creditCode().toUpperCase();
        boolean sameName = Names.normalise(a.name()).equals(Names.normalise(b.name()))
                && (a.country() == null || b.country() == null || a.country().equals(b.country()));
        if (codeA != null && codeA.equals(codeB)) {
            out.add(Certainty.CERTAIN);
        } else if (sameName) {
            out.add(codeA != null && codeB != null ? Certainty.POSSIBLE : Certainty.CERTAIN);
        }
        OrganisationKeys.Key keyA = aliases.get(a.name());
        OrganisationKeys.Key keyB = aliases.get(b.name());
        if (keyA != null && keyB != null && keyA.value().equals(keyB.value())) {
            out.add(keyA.certain() && keyB.certain() ? Certainty.CERTAIN : Certainty.POSSIBLE);
        }
        return out;
    }

    private static Certainty personRule(Person a, Person b, Map<String, OrganisationKeys.Key> aliases) {
        if (a.identityKey() != null && a.identityKey().equals(b.identityKey())) {
            return Certainty.CERTAIN;
        }
        if (!Names.normalise(a.name()).equals(Names.normalise(b.name()))) {
            return null;
        }
        Set<Certainty> organisations = a.organisation() == null || b.organisation() == null ? null
                : organisationRule(a.organisation(), b.organisation(), aliases);
        if (a.identityKey() != null && b.identityKey() != null) {
            return organisations == null || organisations.isEmpty() ? null : Certainty.POSSIBLE;
        }
        if (organisations == null) {
            return Certainty.CERTAIN;
        }
        if (organisations.contains(Certainty.CERTAIN)) {
            return Certainty.CERTAIN;
        }
        return organisations.isEmpty() ? null : Certainty.POSSIBLE;
    }
}
