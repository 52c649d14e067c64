package org.silkgrant.integrity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.organization.OrganizationManagement;
import org.silkgrant.account.AccountManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.ObjectMapper;

/** The officer's integrity list: kept on a page, and read by the checklist's INTEGRITY_RECORD rule. */
@SilkGrantTest
@DirtiesContext
class IntegrityListTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    IntegrityList list;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganizationManagement organizations;

    private String universityCode() {
        return organizations.get(accounts.findByUsername("uni-leader").orElseThrow().organizationId()).creditCode();
    }

    @Test
    void aListedOrganisationFailsTheIntegrityRuleUntilTheEntryEnds() throws Exception {
        String created = mvc.perform(post("/api/v1/applications").with(httpBasic("uni-leader", SilkGrantTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"callCode\":\"2023-SCO\",\"title\":\"诚信测试\"}"))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        String checklist = "/api/v1/applications/" + id + "/checklist";

        mvc.perform(get(checklist).with(httpBasic("uni-leader", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(jsonPath("$.results[?(@.rule == 'INTEGRITY_RECORD')].passed").value(true));

        mvc.perform(post("/office/integrity").with(user("officer").roles("PROGRAM_OFFICER")).with(csrf())
                        .param("kind", "ORGANIZATION").param("identifier", universityCode()).param("name", "新疆示范大学")
                        .param("reason", "测试：虚假材料").param("listedFrom", LocalDate.now().minusDays(1).toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(checklist).with(httpBasic("uni-leader", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(jsonPath("$.results[?(@.rule == 'INTEGRITY_RECORD')].passed").value(false));

        list.all().forEach(e -> list.end(e.id(), "officer"));
        mvc.perform(get(checklist).with(httpBasic("uni-leader", SilkGrantTest.DEMO_PASSWORD)))
                .andExpect(jsonPath("$.results[?(@.rule == 'INTEGRITY_RECORD')].passed").value(true));
    }

    @Test
    void aPersonIsListedByIdNumberShownOnlyMasked() throws Exception {
        list.add("PERSON", "11010519491231002X", "测试人员", "测试", LocalDate.now(), null, "officer");

        mvc.perform(get("/office/integrity").with(user("officer").roles("PROGRAM_OFFICER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1101**********002X")))
                .andExpect(content().string(not(containsString("11010519491231002X"))));
        org.assertj.core.api.Assertions.assertThat(list.personListed("11010519491231002X")).isTrue();
        org.assertj.core.api.Assertions.assertThat(list.personListed("110105194912310021")).isFalse();
    }

    @Test
    void aBadEntryIsRefusedNamingTheFields() throws Exception {
        mvc.perform(post("/office/integrity").with(user("officer").roles("PROGRAM_OFFICER")).with(csrf())
                        .param("kind", "ORGANIZATION").param("identifier", "91110000600037341X").param("name", "")
                        .param("reason", "x").param("listedFrom", "2026-01-02").param("listedUntil", "2026-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("identifier-errors")))
                .andExpect(content().string(containsString("name-errors")))
                .andExpect(content().string(containsString("listedUntil-errors")));
    }

    @Test
    void onlyTheProgramOfficeKeepsTheList() throws Exception {
        mvc.perform(get("/office/integrity").with(user("uni-admin").roles("ORG_ADMIN"))).andExpect(status().isForbidden());
    }
}
