package org.silkgrant.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.ApplicationStatus;
import org.silkgrant.application.SectionName;

import tools.jackson.databind.node.ObjectNode;

/** Form fields to section JSON, the budget sums, and who may edit: without Spring. */
class SectionFormTests {

    private static Map<String, String[]> form(String... namesAndValues) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], new String[] {namesAndValues[i + 1]});
        }
        return parameters;
    }

    @Test
    void blankFieldsAreNullKeywordsAreSplitAndUnknownFieldsIgnored() {
        ObjectNode basics = SectionForm.read(SectionName.BASICS, form("title", "  生态监测  ", "scope", "",
                "keywords", "生态, 遥感，阿尔泰、生态", "version", "7", "_csrf", "x", "evil", "y"));

        assertThat(basics.get("title").asString()).isEqualTo("生态监测");
        assertThat(basics.get("scope").isNull()).isTrue();
        assertThat(basics.get("keywords").values().stream().map(n -> n.asString()).toList())
                .containsExactly("生态", "遥感", "阿尔泰");
        assertThat(basics.has("version")).isFalse();
        assertThat(basics.has("evil")).isFalse();
    }

    @Test
    void rowsFollowTheirNumbersGapsCloseAndEmptyRowsDisappear() {
        ObjectNode partners = SectionForm.read(SectionName.PARTNERS, form(
                "partners[3].name", "第二家", "partners[0].name", "第一家",
                "partners[0].people[2].fullName", "B", "partners[0].people[0].fullName", "A",
                "partners[1].name", "", "partners[1].people[0].fullName", ""));

        assertThat(partners.get("partners").size()).isEqualTo(2);
        assertThat(partners.get("partners").get(0).get("name").asString()).isEqualTo("第一家");
        assertThat(partners.get("partners").get(1).get("name").asString()).isEqualTo("第二家");
        assertThat(partners.get("partners").get(0).get("people").values().stream()
                .map(p -> p.get("fullName").asString()).toList()).containsExactly("A", "B");
    }

    @Test
    void ethicsAnswersAreTrueFalseOrNullWhenNotChosenAndQuantitiesNumbersWhenTheyAreNumbers() {
        ObjectNode ethics = SectionForm.read(SectionName.ETHICS, form("humanSubjects", "true",
                "humanGeneticResources", "false", "hgrProcedure", "PENDING"));
        assertThat(ethics.get("humanSubjects").booleanValue()).isTrue();
        assertThat(ethics.get("humanGeneticResources").isBoolean()).isTrue();
        assertThat(ethics.get("humanGeneticResources").booleanValue()).isFalse();
        assertThat(ethics.get("laboratoryAnimals").isNull()).as("no radio chosen is no answer, not 不涉及").isTrue();
        assertThat(SectionForm.read(SectionName.ETHICS, form("laboratoryAnimals", "perhaps")).get("laboratoryAnimals")
                .asString()).as("neither answer is passed on for the module to refuse").isEqualTo("perhaps");

        ObjectNode indicators = SectionForm.read(SectionName.INDICATORS, form("indicators[0].quantity", "3",
                "indicators[1].quantity", "三"));
        assertThat(indicators.get("indicators").get(0).get("quantity").isInt()).isTrue();
        assertThat(indicators.get("indicators").get(1).get("quantity").asString()).isEqualTo("三");
    }

    @Test
    void budgetSumsAreExactPerSource() {
        ObjectNode budget = SectionForm.read(SectionName.BUDGET, form("fiscal", "100.0001", "selfRaised", "200",
                "lines[0].source", "FISCAL", "lines[0].amount", "60.0001", "lines[1].source", "FISCAL",
                "lines[1].amount", "40", "lines[2].source", "SELF_RAISED", "lines[2].amount", "199.99995",
                "lines[3].source", "SELF_RAISED", "lines[3].amount", "not a number"));

        BudgetSums sums = BudgetSums.of(budget);
        assertThat(sums.fiscalLines()).isEqualByComparingTo(new BigDecimal("100.0001"));
        assertThat(sums.fiscalBalanced()).isTrue();
        assertThat(sums.selfRaisedLines().toPlainString()).isEqualTo("199.99995");
        assertThat(sums.selfRaisedBalanced()).isFalse();
        assertThat(budget.get("lines").get(0).get("amount").isString()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"DRAFT, 1, true", "RETURNED, 1, true", "SUBMITTED, 1, false", "ORG_APPROVED, 1, false", "DRAFT, 2, false"})
    void onlyTheLeaderEditsAndOnlyADraftOrAReturnedApplication(ApplicationStatus status, long userId, boolean editable) {
        SilkGrantUser user = new SilkGrantUser(userId, "u" + userId, "", "名", 5L,
                Set.of(userId == 1 ? Role.APPLICANT : Role.ORG_ADMIN), true, false, false);

        assertThat(EditorModel.editable(status, 1L, user)).isEqualTo(editable);
    }
}
