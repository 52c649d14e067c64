package org.silkgrant.review.assignment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded synthetic calls for the tests and the benchmark (docs/performance.md describes the density): Chinese
 * organisations with credit codes, foreign partner organisations, experts spread over them (one in ten foreign),
 * 13 fields with 60 keywords each, applications with co-applicants, partners, teams and partner people, some team
 * members and partner people being experts themselves, and a few declared conflicts.
 */
public record SyntheticCall(List<ApplicationProfile> applications, List<ExpertProfile> experts) {

    private static final String[] COUNTRIES = {"RU", "KZ", "MN", "KG", "TJ", "UZ"};

    /** A call of the realistic shape: about 10 experts per Chinese organisation, 13 fields. */
    public static SyntheticCall realistic(long seed, int applications, int experts) {
        return generate(seed, applications, experts, Math.max(20, experts / 10), 13, 60);
    }

    /** A small, dense call: few organisations and fields, so that conflicts and competition are frequent. */
    public static SyntheticCall small(long seed, int applications, int experts) {
        return generate(seed, applications, experts, 3, 3, 6);
    }

    public static SyntheticCall generate(long seed, int applicationCount, int expertCount, int organisationCount,
            int fieldCount, int keywordsPerField) {
        Random random = new Random(seed);
        List<Organisation> chinese = new ArrayList<>();
        for (int i = 0; i < organisationCount; i++) {
            chinese.add(Organisation.chinese(String.format("91650100%010d", i), "新疆第" + i + "研究院"));
        }
        List<Organisation> foreign = new ArrayList<>();
        for (int i = 0; i < Math.max(1, organisationCount / 4); i++) {
            foreign.add(Organisation.foreign("Institute No. " + i, COUNTRIES[i % COUNTRIES.length]));
        }
        List<ExpertProfile> experts = new ArrayList<>();
        for (int e = 0; e < expertCount; e++) {
            Organisation organisation = random.nextInt(10) == 0 ? pick(random, foreign) : pick(random, chinese);
            Person person = new Person("专家" + e, "ID" + e, organisation);
            Set<String> fields = new HashSet<>();
            fields.add(field(random.nextInt(fieldCount)));
            if (random.nextBoolean()) {
                fields.add(field(random.nextInt(fieldCount)));
            }
            Set<String> keywords = new HashSet<>();
            List<String> fieldList = new ArrayList<>(fields);
            for (int i = 3 + random.nextInt(4); i > 0; i--) {
                keywords.add(keyword(random, fieldList.get(random.nextInt(fieldList.size())), keywordsPerField));
            }
            List<Organisation> declaredOrganisations = random.nextInt(10) == 0 ? List.of(pick(random, chinese))
                    : List.of();
            List<Person> declaredPeople = random.nextInt(20) == 0
                    ? List.of(Person.of("成员" + random.nextInt(Math.max(1, applicationCount * 3)), null)) : List.of();
            experts.add(new ExpertProfile(1000L + e, person, fields, keywords, declaredOrganisations,
                    declaredPeople));
        }
        List<ApplicationProfile> applications = new ArrayList<>();
        for (int a = 0; a < applicationCount; a++) {
            String field = field(random.nextInt(fieldCount));
            Set<String> keywords = new HashSet<>();
            for (int i = 3 + random.nextInt(3); i > 0; i--) {
                keywords.add(keyword(random, field, keywordsPerField));
            }
            Organisation applicant = pick(random, chinese);
            List<Organisation> coApplicants = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                coApplicants.add(pick(random, chinese));
            }
            List<Organisation> partners = new ArrayList<>();
            for (int i = 1 + random.nextInt(2); i > 0; i--) {
                partners.add(pick(random, foreign));
            }
            List<Person> team = new ArrayList<>();
            for (int i = 3 + random.nextInt(6); i > 0; i--) {
                if (random.nextInt(100) == 0 && !experts.isEmpty()) {
                    ExpertProfile expert = pick(random, experts);
                    team.add(new Person(expert.person().name(), expert.person().identityKey(), null));
                } else {
                    team.add(Person.of("成员" + random.nextInt(Math.max(1, applicationCount * 3)), applicant));
                }
            }
            List<Person> partnerPeople = new ArrayList<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                if (random.nextInt(100) == 0 && !experts.isEmpty()) {
                    ExpertProfile expert = pick(random, experts);
                    partnerPeople.add(Person.of(expert.person().name(), expert.organisation()));
                } else {
                    partnerPeople.add(Person.of("Partner " + random.nextInt(100_000), pick(random, partners)));
                }
            }
            applications.add(new ApplicationProfile(1L + a, field, keywords, applicant, coApplicants, partners,
                    team, partnerPeople));
        }
        return new SyntheticCall(applications, experts);
    }

    private static String field(int i) {
        return "FIELD_" + i;
    }

    private static String keyword(Random random, String field, int perField) {
        return field.toLowerCase() + " topic " + random.nextInt(perField);
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
