package org.silkgrant.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Pages link their scripts and styles by version-less URLs, resolved when requested; no filter looks up each
 * link of a page in the jar (docs/performance.md: 8.6 % of the server's CPU in the deadline rush).
 */
@SilkGrantTest
class StaticResourcesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    List<FilterRegistrationBean<?>> filters;

    @Test
    void versionLessWebjarUrlsAndOwnResourcesAreServed() throws Exception {
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("htmx")));
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Bootstrap")));
        mvc.perform(get("/css/silkgrant.css")).andExpect(status().isOk());
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("src=\"/webjars/htmx.org/dist/htmx.min.js\"")));
    }

    @Test
    void noEnabledResourceUrlEncodingFilter() {
        assertThat(filters).filteredOn(f -> f.getFilter() instanceof ResourceUrlEncodingFilter)
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.isEnabled()).isFalse());
    }
}
