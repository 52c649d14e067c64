package org.silkgrant.call.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkgrant.SilkGrantTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The public pages in the three languages: home with its countdown, the call's whole guide, the original text. */
@SilkGrantTest
class CallPageTests {

    private static final String TITLE = "2023年自治区上海合作组织科技伙伴计划及国际科技合作计划";

    @Autowired
    MockMvc mvc;

    private static Cookie language(String tag) {
        return new Cookie("silkgrant-lang", tag);
    }

    @Test
    void homeIsChineseByDefaultWithTheOpenCallAndItsCountdown() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(allOf(
                        containsString("<html lang=\"zh-CN\""),
                        containsString(TITLE),
                        containsString("正在申报"),
                        containsString("申报截止时间"),
                        containsString("（北京时间）"),
                        containsString("href=\"/calls/2023-SCO\""))))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*还剩 (29|30) 天 \\d{1,2} 小时 \\d{1,2} 分钟.*")));
    }

    @Test
    void aBrowserInAnotherLanguageStillSeesChineseUntilTheUserSwitches() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "en-US"))
                .andExpect(content().string(containsString("<html lang=\"zh-CN\"")));
    }

    @Test
    void switchingTheLanguageIsKeptInACookie() throws Exception {
        mvc.perform(get("/").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(cookie().value("silkgrant-lang", "en"))
                .andExpect(cookie().httpOnly("silkgrant-lang", true))
                .andExpect(content().string(allOf(containsString("<html lang=\"en\""),
                        containsString("Apply for international S&amp;T cooperation projects"),
                        containsString("Open for applications"))));

        mvc.perform(get("/").cookie(language("ru")))
                .andExpect(content().string(allOf(containsString("<html lang=\"ru\""),
                        containsString("Идёт приём заявок"))));
    }

    @Test
    void anUnsupportedLanguageFallsBackToChinese() throws Exception {
        mvc.perform(get("/").param("lang", "fr"))
                .andExpect(content().string(containsString("<html lang=\"zh-CN\"")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zh-CN | 一、支持方向 | 科研助理岗位 | 阿尔泰边疆区 | 喀什经济开发区 | 国际合作处 | 碳达峰碳中和 | 这是演示数据",
            "en    | 1. Support directions | research assistant position | Altai Krai | Kashgar Economic Development Zone | International Cooperation Division | Carbon peaking and carbon neutrality | This is demonstration data",
            "ru    | 1. Направления поддержки | должность научного ассистента | Алтайский край | Кашгарская зона экономического развития | Отдел международного сотрудничества | Углеродный пик и углеродная нейтральность | Это демонстрационные данные"})
    void theCallPagePresentsTheWholeGuide(String tag, String directions, String researchAssistant, String altai,
            String portPark, String division, String field, String demo) throws Exception {
        mvc.perform(get("/calls/2023-SCO").cookie(language(tag)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(directions), containsString(researchAssistant),
                        containsString(altai), containsString(portPark), containsString(division),
                        containsString(field), containsString(demo), containsString("0991-3680709"))))
                .andExpect(content().string(allOf(
                        containsString("id=\"scope-K1\""), containsString("id=\"scope-K5\""),
                        containsString("id=\"scope-G1\""), containsString("id=\"scope-G9\""),
                        containsString("id=\"clause-C1\""), containsString("id=\"clause-C2\""),
                        containsString("id=\"clause-R1\""), containsString("id=\"clause-R6\""),
                        containsString("data-rule=\"MATCHING_FUNDS\""), containsString("RU-ALT"),
                        containsString("KZ-VOS"), containsString("653101"))))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void theCallPageShowsTheCallsParametersFromItsDefinition() throws Exception {
        mvc.perform(get("/calls/2023-SCO"))
                .andExpect(content().string(allOf(
                        containsString("项目实施期限 24–36 个月"),
                        containsString("不低于 2:1"),
                        containsString("不超过 1 项"),
                        containsString("李玲、崔强强、宋春红"))));
    }

    @Test
    void theCallPageShowsTheBudgetEnvelopeOfEachCategory() throws Exception {
        mvc.perform(get("/calls/2023-SCO"))
                .andExpect(content().string(allOf(
                        containsString("重点项目财政经费总额（预算盘子）：1,200.00 万元"),
                        containsString("一般项目财政经费总额（预算盘子）：1,800.00 万元"),
                        not(containsString("社会公众经电子邮箱验证")))));
        mvc.perform(get("/calls/2023-SCO").param("lang", "en"))
                .andExpect(content().string(containsString("Fiscal budget envelope for Key projects: 1,200.00 × 10,000 yuan")))
                .andExpect(content().string(containsString("program office&#39;s confirmation")));
    }

    @Test
    void theOriginalChineseGuideStaysAvailable() throws Exception {
        mvc.perform(get("/calls/2023-SCO/guide").cookie(language("en")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Original guide (Chinese)"),
                        containsString("项目申报书中应设置科研助理岗位。"),
                        containsString("国际合作处"))));
    }

    @Test
    void anUnknownCallIsNotFound() throws Exception {
        mvc.perform(get("/calls/NO-SUCH")).andExpect(status().isNotFound());
    }

    @Test
    void pagesSendTheSecurityHeaders() throws Exception {
        mvc.perform(get("/"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Security-Policy", allOf(containsString("script-src 'self'"),
                                containsString("frame-ancestors 'none'"), not(containsString("unsafe-inline")))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("X-Frame-Options", "DENY"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("X-Content-Type-Options", "nosniff"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Referrer-Policy", "strict-origin-when-cross-origin"));
    }

    @Test
    void pagesCarryNoInlineScript() throws Exception {
        for (String page : new String[] {"/", "/calls/2023-SCO", "/calls/2023-SCO/guide", "/login"}) {
            String html = mvc.perform(get(page)).andReturn().getResponse().getContentAsString();
            org.assertj.core.api.Assertions.assertThat(html).as(page)
                    .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContainPattern("\\son[a-z]+=\"");
        }
    }
}
