package org.silkgrant.application;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link SectionSaveRace} through the JSON API on the embedded database: nine threads, one per section, each
 * {@code PUT …/sections/{name}} with the same {@code If-Match}, five rounds — every save 200 and every text stored;
 * a stale save of one section 409; four writers of one section from one version, exactly one 200. (The same race
 * on PostgreSQL: {@code SectionSavesAtOncePostgresTests}.)
 */
@SilkGrantTest
class SectionSavesAtOnceTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void savesOfEverySectionAtOnceAllSucceedAndAStaleSaveOfOneSectionIsAConflict() throws Exception {
        UserDetails leader = users.loadUserByUsername("uni-leader");
        long id = body(mvc.perform(post("/api/v1/applications").with(user(leader))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"callCode\":\"2023-SCO\",\"title\":\"并发保存测试\"}")).andReturn().getResponse())
                .get("id").asLong();

        SectionSaveRace.run((section, json, ifMatch) -> {
            MockHttpServletResponse response = mvc.perform(put("/api/v1/applications/{id}/sections/{name}", id, section)
                    .with(user(leader)).header("If-Match", String.valueOf(ifMatch))
                    .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
            return new SectionSaveRace.Saved(response.getStatus(),
                    response.getStatus() == 200 ? body(response).get("version").asLong() : -1);
        }, () -> {
            JsonNode application = body(mvc.perform(get("/api/v1/applications/{id}", id).with(user(leader)))
                    .andReturn().getResponse());
            Map<String, JsonNode> sections = new LinkedHashMap<>();
            application.get("sections").properties().forEach(s -> sections.put(s.getKey(), s.getValue()));
            return new SectionSaveRace.Stored(application.get("version").asLong(), sections);
        }, 5);
    }

    private static JsonNode body(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
