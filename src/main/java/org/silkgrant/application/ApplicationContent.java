package org.silkgrant.application;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What an applicant has written, section by section as in API.md; a section not filled in yet is null.
 * Money is in 万元 as {@link BigDecimal}, never floating point.
 */
public record ApplicationContent(
        Basics basics,
        Narrative narrative,
        Team team,
        Partners partners,
        CoApplicants coApplicants,
        Budget budget,
        Indicators indicators,
        Ethics ethics,
        Agreement agreement) {

    /** An application with no section filled in. */
    public static ApplicationContent empty() {
        return new ApplicationContent(null, null, null, null, null, null, null, null, null);
    }

    /** Title, direction (category, scope and what the scope needs), period and summary; codes from the call. */
    public record Basics(
            String title,
            String category,
            String scope,
            String field,
            String platformType,
            String portPark,
            String previousProjectNumber,
            LocalDate startDate,
            LocalDate endDate,
            List<String> keywords,
            String summary,
            String recommendingDepartment) {

        public Basics {
            keywords = present(keywords);
        }
    }

    /** The seven parts of the project description that clause R1 asks for. */
    public record Narrative(
            String objectives,
            String rationale,
            String content,
            String channels,
            String responsibilities,
            String plan,
            String expectedResults) {
    }

    /** The project team on the Chinese side. */
    public record Team(List<Member> members) {

        public Team {
            members = present(members);
        }
    }

    /** A team member; the ID number is personal data and optional here. */
    public record Member(String fullName, MemberRole role, String title, String organization, String email, String idNumber) {
    }

    /** The role of a team member. */
    public enum MemberRole { LEADER, MEMBER, RESEARCH_ASSISTANT }

    /** The foreign partner organisations. */
    public record Partners(List<Partner> partners) {

        public Partners {
            partners = present(partners);
        }
    }

    /**
     * A foreign partner organisation.
     *
     * @param country    ISO 3166-1 alpha-2
     * @param regionCode ISO 3166-2
     */
    public record Partner(String country, String regionCode, String name, String address, List<Person> people) {

        public Partner {
            people = present(people);
        }
    }

    /** A named person of a foreign partner. */
    public record Person(String fullName, String position, String role, String email) {
    }

    /** Organisations applying jointly with the applicant. */
    public record CoApplicants(List<CoApplicant> organizations) {

        public CoApplicants {
            organizations = present(organizations);
        }
    }

    /** A co-applicant organisation; organisations outside China may have no credit code. */
    public record CoApplicant(String name, String creditCode, String province, String role) {
    }

    /** The budget in 万元: the totals per source and the lines that make them up. */
    public record Budget(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fiscal,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal selfRaised, List<Line> lines) {

        public Budget {
            lines = present(lines);
        }
    }

    /** One budget line: a budget category code of the call, its source and amount in 万元. */
    public record Line(String category, Source source, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
            String note) {
    }

    /** Where budget money comes from. */
    public enum Source { FISCAL, SELF_RAISED }

    /** The assessable indicators. */
    public record Indicators(List<Indicator> indicators) {

        public Indicators {
            indicators = present(indicators);
        }
    }

    /** One assessable indicator, e.g. 3 patent applications ("项"). */
    public record Indicator(IndicatorKind kind, String description, Integer quantity, String unit) {
    }

    /** Kinds of indicator (API.md); the call says which of them are intellectual property. */
    public enum IndicatorKind {
        PATENT_APPLICATION, PATENT_GRANT, SOFTWARE_COPYRIGHT, PLANT_VARIETY, STANDARD, PAPER, TALENT, PLATFORM, OTHER
    }

    /**
     * The ethics declaration: for each trigger {@code true} (涉及), {@code false} (不涉及) or {@code null} — not
     * answered yet, which is never read as "no".
     */
    public record Ethics(Boolean humanSubjects, Boolean humanGeneticResources, Boolean laboratoryAnimals,
            HgrProcedure hgrProcedure) {

        /** Whether every trigger has been answered, 涉及 or 不涉及. */
        public boolean answered() {
            return humanSubjects != null && humanGeneticResources != null && laboratoryAnimals != null;
        }
    }

    /** The state of the human genetic resources approval or filing. */
    public enum HgrProcedure { APPROVED, PENDING }

    /** Where the attached cooperation agreement states each point clause C2 asks for, e.g. Art. 3 on page 2. */
    public record Agreement(String scienceInput, String divisionOfWork, String ipOwnership, String resultsOwnership) {
    }

    /** An absent list is an empty one, and an empty entry in it (a JSON {@code null}) carries nothing. */
    private static <T> List<T> present(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
