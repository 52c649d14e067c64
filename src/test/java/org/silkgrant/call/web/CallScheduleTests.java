package org.silkgrant.call.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.call.CallManagement;
import org.silkgrant.call.CallStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/** The program office moves a call's dates; nobody else can, and a stale or impossible change is refused. */
@SilkGrantTest
@DirtiesContext
class CallScheduleTests {

    private static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;
    private static final String NEW_SCHEDULE = "{\"opensAt\":\"2030-06-01T01:00:00Z\",\"deadline\":\"2030-06-30T10:00:00Z\"}";

    @Autowired
    MockMvc mvc;

    @Autowired
    CallManagement calls;

    private String version() {
        return String.valueOf(calls.get("2023-SCO").version());
    }

    @Test
    void theOfficerSetsNewDatesThroughTheApi() throws Exception {
        mvc.perform(put("/api/v1/calls/2023-SCO/schedule").with(httpBasic("officer", PASSWORD))
                        .header("If-Match", version()).contentType(MediaType.APPLICATION_JSON).content(NEW_SCHEDULE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadline").value("2030-06-30T10:00:00Z"))
                .andExpect(jsonPath("$.status").value("UPCOMING"));

        org.assertj.core.api.Assertions.assertThat(calls.get("2023-SCO").status()).isEqualTo(CallStatus.UPCOMING);
    }

    @Test
    void anonymousCallersAndApplicantsCannotMoveDates() throws Exception {
        mvc.perform(put("/api/v1/calls/2023-SCO/schedule").header("If-Match", version())
                        .contentType(MediaType.APPLICATION_JSON).content(NEW_SCHEDULE))
                .andExpect(status().isUnauthorized());
        mvc.perform(put("/api/v1/calls/2023-SCO/schedule").with(httpBasic("uni-leader", PASSWORD))
                        .header("If-Match", version()).contentType(MediaType.APPLICATION_JSON).content(NEW_SCHEDULE))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/calls/2023-SCO/schedule").with(httpBasic("officer", "wrong password"))
                        .header("If-Match", version()).contentType(MediaType.APPLICATION_JSON).content(NEW_SCHEDULE))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aStaleVersionIsAConflict() throws Exception {
        mvc.perform(put("/api/v1/calls/2023-SCO/schedule").with(httpBasic("officer", PASSWORD))
                        .header("If-Match", "999").contentType(MediaType.APPLICATION_JSON).content(NEW_SCHEDULE))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value(409));
    }

    @Test
    void aDeadlineBeforeTheOpeningIsRefusedNamingTheField() throws Exception {
        String before = calls.get("2023-SCO").deadline().toString();
        mvc.perform(put("/api/v1/calls/2023-SCO/schedule").with(httpBasic("officer", PASSWORD))
                        .header("If-Match", version()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"opensAt\":\"2030-06-30T10:00:00Z\",\"deadline\":\"2030-06-01T01:00:00Z\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("deadline"))
                .andExpect(jsonPath("$.errors[0].message").value("The deadline must be later than the opening time."));
        org.assertj.core.api.Assertions.assertThat(calls.get("2023-SCO").deadline()).hasToString(before);
    }

    @Test
    void aMissingDateIsRefusedNamingTheField() throws Exception {
        mvc.perform(put("/api/v1/calls/2023-SCO/schedule").with(httpBasic("officer", PASSWORD))
                        .header("If-Match", version()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"opensAt\":\"2030-06-30T10:00:00Z\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("deadline"));
    }

    @Test
    @WithMockUser(username = "officer", roles = "PROGRAM_OFFICER")
    void theOfficerSetsDatesOnTheCallPageInBeijingTime() throws Exception {
        mvc.perform(post("/calls/2023-SCO/schedule").with(csrf())
                        .param("opensAt", "2031-03-01T09:00").param("deadline", "2031-03-31T18:00")
                        .param("version", version()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/calls/2023-SCO"))
                .andExpect(flash().attribute("notice", "申报时间已保存。"));

        org.assertj.core.api.Assertions.assertThat(calls.get("2023-SCO").deadline()).hasToString("2031-03-31T10:00:00Z");
        mvc.perform(get("/calls/2023-SCO"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("2031-03-31 18:00")));
    }

    @Test
    @WithMockUser(username = "officer", roles = "PROGRAM_OFFICER")
    void thePageSaysWhyAnImpossibleScheduleWasRefused() throws Exception {
        mvc.perform(post("/calls/2023-SCO/schedule").with(csrf())
                        .param("opensAt", "2031-03-31T09:00").param("deadline", "2031-03-01T18:00")
                        .param("version", version()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("scheduleError", "截止时间必须晚于开始时间。"));
    }

    @Test
    @WithMockUser(username = "officer", roles = "PROGRAM_OFFICER")
    void aFormWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/calls/2023-SCO/schedule")
                        .param("opensAt", "2031-03-01T09:00").param("deadline", "2031-03-31T18:00")
                        .param("version", version()))
                .andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(username = "uni-leader", roles = "APPLICANT")
    void anApplicantGetsTheForbiddenPage() throws Exception {
        mvc.perform(post("/calls/2023-SCO/schedule").with(csrf())
                        .param("opensAt", "2031-03-01T09:00").param("deadline", "2031-03-31T18:00")
                        .param("version", version()))
                .andExpect(status().isForbidden());
    }
}
