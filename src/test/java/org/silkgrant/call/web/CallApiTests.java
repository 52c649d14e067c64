package org.silkgrant.call.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkgrant.SilkGrantTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SilkGrantTest
class CallApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void listsTheOpenDemoCall() throws Exception {
        mvc.perform(get("/api/v1/calls"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].code").value("2023-SCO"))
                .andExpect(jsonPath("$[0].title").value("2023年自治区上海合作组织科技伙伴计划及国际科技合作计划"))
                .andExpect(jsonPath("$[0].status").value("OPEN"))
                .andExpect(jsonPath("$[0].opensAt", notNullValue()))
                .andExpect(jsonPath("$[0].deadline", notNullValue()));
    }

    @Test
    void givesTheWholeDefinitionAsApiMdDescribes() throws Exception {
        mvc.perform(get("/api/v1/calls/2023-SCO"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("2023-SCO"))
                .andExpect(jsonPath("$.program.title").value("上海合作组织科技伙伴计划及国际科技合作计划"))
                .andExpect(jsonPath("$.contact.division").value("国际合作处"))
                .andExpect(jsonPath("$.contact.phone").value("0991-3680709"))
                .andExpect(jsonPath("$.categories[0].code").value("KEY"))
                .andExpect(jsonPath("$.categories[0].scopes", hasSize(5)))
                .andExpect(jsonPath("$.categories[1].code").value("GENERAL"))
                .andExpect(jsonPath("$.categories[1].scopes", hasSize(9)))
                .andExpect(jsonPath("$.categories[1].scopes[0].needs[0]").value("FIELD"))
                .andExpect(jsonPath("$.categories[1].scopes[2].needs[0]").value("ALTAI_PARTNER"))
                .andExpect(jsonPath("$.fields", hasSize(13)))
                .andExpect(jsonPath("$.altaiRegions", hasSize(12)))
                .andExpect(jsonPath("$.altaiRegions[3].formerCodes[0]").value("KZ-VOS"))
                .andExpect(jsonPath("$.portParks", hasSize(3)))
                .andExpect(jsonPath("$.budgetCategories[0].code").value("EQUIPMENT"))
                .andExpect(jsonPath("$.attachmentKinds[0].code").value("COOPERATION_AGREEMENT"))
                .andExpect(jsonPath("$.attachmentKinds[0].maxBytes").value(20971520))
                .andExpect(jsonPath("$.attachmentKinds[0].mediaTypes[0]").value("application/pdf"))
                .andExpect(jsonPath("$.recommendingDepartments", hasSize(14)))
                .andExpect(jsonPath("$.recommendingDepartments[0].code").value("650100"))
                .andExpect(jsonPath("$.recommendingDepartments[0].divisionCode").value("650100"))
                .andExpect(jsonPath("$.routing.formalReview", hasSize(6)))
                .andExpect(jsonPath("$.routing.revisionPeriod").value("PT120H"))
                .andExpect(jsonPath("$.rules.minMonths").value(24))
                .andExpect(jsonPath("$.rules.maxMonths").value(36))
                .andExpect(jsonPath("$.rules.enterpriseMatchingRatio").value(2))
                .andExpect(jsonPath("$.rules.leaderProjectLimit").value(1))
                .andExpect(jsonPath("$.rules.checks", hasSize(19)));
    }

    @Test
    void givesEachCategorysBudgetEnvelopeAsADecimalString() throws Exception {
        mvc.perform(get("/api/v1/calls/2023-SCO").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.award.budgetEnvelope", hasSize(2)))
                .andExpect(jsonPath("$.award.budgetEnvelope[0].category").value("KEY"))
                .andExpect(jsonPath("$.award.budgetEnvelope[0].title").value("Key projects"))
                .andExpect(jsonPath("$.award.budgetEnvelope[0].amount").value("1200"))
                .andExpect(jsonPath("$.award.budgetEnvelope[1].category").value("GENERAL"))
                .andExpect(jsonPath("$.award.budgetEnvelope[1].amount").value("1800"))
                .andExpect(jsonPath("$.award.publicObjections.enabled").value(false))
                .andExpect(jsonPath("$.award.publicObjections.codesPerAddressPerHour").value(3))
                .andExpect(jsonPath("$.award.publicObjections.codeValidity").value("PT30M"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zh-CN | 科研助理岗位 | 国际合作处",
            "en    | research assistant position | International Cooperation Division",
            "ru    | должность научного ассистента | Отдел международного сотрудничества"})
    void speaksTheLanguageOfTheRequest(String language, String researchAssistant, String division) throws Exception {
        mvc.perform(get("/api/v1/calls/2023-SCO").header("Accept-Language", language))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requirements[4].code").value("R5"))
                .andExpect(jsonPath("$.requirements[4].text", containsString(researchAssistant)))
                .andExpect(jsonPath("$.contact.division").value(division));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zh-CN | 没有编号为 NO-SUCH 的申报指南。",
            "en    | There is no call with code NO-SUCH.",
            "ru    | Конкурс с кодом NO-SUCH не найден."})
    void answersAnUnknownCodeWithA404Problem(String language, String detail) throws Exception {
        mvc.perform(get("/api/v1/calls/NO-SUCH").header("Accept-Language", language))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.type", notNullValue()))
                .andExpect(jsonPath("$.title", notNullValue()))
                .andExpect(jsonPath("$.detail", is(detail)));
    }
}
