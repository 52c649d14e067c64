package org.silkgrant.organization.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.AccountManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/** Authorisation by object: another organisation's organisation, people and accounts are "not found". */
@SilkGrantTest
@DirtiesContext
class OrganizationAccessTests {

    private static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    private long university;
    private long enterprise;
    private long enterpriseLeader;

    @BeforeEach
    void demoOrganizations() {
        university = accounts.findByUsername("uni-admin").orElseThrow().organizationId();
        enterprise = accounts.findByUsername("ent-admin").orElseThrow().organizationId();
        enterpriseLeader = accounts.findByUsername("ent-leader").orElseThrow().id();
    }

    @Test
    void membersSeeTheirOwnOrganisationAndNotAnother() throws Exception {
        mvc.perform(get("/api/v1/organizations/{id}", university).with(httpBasic("uni-leader", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("新疆示范大学"))
                .andExpect(jsonPath("$.status").value("VERIFIED"));
        mvc.perform(get("/api/v1/organizations/{id}", enterprise).with(httpBasic("uni-leader", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organizations/{id}", 999_999).with(httpBasic("uni-leader", PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAdminCannotReadOrChangeAnotherOrganisationsPeople() throws Exception {
        mvc.perform(get("/api/v1/organizations/{id}/users", enterprise).with(httpBasic("uni-admin", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/organizations/{id}/users", enterprise).with(httpBasic("uni-admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"intruder1\",\"password\":\"Intruder#2026\",\"fullName\":\"x\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/organizations/{id}/users/{user}/password", enterprise, enterpriseLeader)
                        .with(httpBasic("uni-admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"Stolen#Pass2026\"}"))
                .andExpect(status().isNotFound());
        // The other organisation's person through the admin's own organisation id: still not found.
        mvc.perform(post("/api/v1/organizations/{id}/users/{user}/deactivation", university, enterpriseLeader)
                        .with(httpBasic("uni-admin", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me").with(httpBasic("ent-leader", PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void anApplicantCannotManagePeopleOfItsOwnOrganisation() throws Exception {
        mvc.perform(get("/api/v1/organizations/{id}/users", university).with(httpBasic("uni-leader", PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theAdminManagesItsOwnPeople() throws Exception {
        mvc.perform(post("/api/v1/organizations/{id}/users", university).with(httpBasic("uni-admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"uni-leader2\",\"password\":\"Leader2#Pass2026\",\"fullName\":\"赵六\","
                                + "\"role\":\"APPLICANT\",\"idNumber\":\"650102199003071230\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"));
        mvc.perform(post("/api/v1/organizations/{id}/users", university).with(httpBasic("uni-admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"uni-leader2\",\"password\":\"Leader2#Pass2026\",\"fullName\":\"赵六\","
                                + "\"role\":\"APPLICANT\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/organizations/{id}/users", university).with(httpBasic("uni-admin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == 'uni-leader2')].roles[0]").value("APPLICANT"));
        mvc.perform(get("/api/v1/me").with(httpBasic("uni-leader2", "Leader2#Pass2026")))
                .andExpect(status().isOk());

        long id = accounts.findByUsername("uni-leader2").orElseThrow().id();
        mvc.perform(post("/api/v1/organizations/{id}/users/{user}/deactivation", university, id)
                        .with(httpBasic("uni-admin", PASSWORD)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").with(httpBasic("uni-leader2", "Leader2#Pass2026")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anAdminCannotCreateStaff() throws Exception {
        mvc.perform(post("/api/v1/organizations/{id}/users", university).with(httpBasic("uni-admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"fake-officer\",\"password\":\"Officer#Pass2026\",\"fullName\":\"x\","
                                + "\"role\":\"PROGRAM_OFFICER\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("NOT_ORGANIZATION"));
    }

    @Test
    void anApplicantCannotReachOfficerPages() throws Exception {
        mvc.perform(get("/office/organizations").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("uni-leader").roles("APPLICANT")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/office/organizations")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }
}
