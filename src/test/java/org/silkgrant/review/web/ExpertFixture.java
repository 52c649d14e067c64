package org.silkgrant.review.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.shared.CreditCode;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Experts for the registry tests: unique e-mail addresses, valid credit codes, filled-in import templates. */
final class ExpertFixture {

    static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ExpertFixture() {
    }

    /** An e-mail address no other test uses. */
    static String email(String prefix) {
        return prefix + "." + System.nanoTime() % 1_000_000 + "." + SEQUENCE.incrementAndGet() + "@example.org";
    }

    /** A valid credit code of a public institution; different for each {@code seed}. */
    static String creditCode(int seed) {
        String first17 = String.format("12650000%09d", 100_000_000 + seed % 100_000_000).substring(0, 17);
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** The JSON of a valid Chinese expert with this e-mail. */
    static String chineseExpert(String fullName, String email) {
        return """
                {"fullName":"%s","organizationName":"新疆测试大学","organizationCode":"%s","country":"CN",
                 "title":"教授","fields":["MODERN_AGRICULTURE","NEW_ENERGY"],"keywords":["节水灌溉","光伏"],
                 "languages":["zh","en"],"email":"%s"}""".formatted(fullName, creditCode(SEQUENCE.incrementAndGet()), email);
    }

    /** The template downloaded by the officer, its first sheet filled with {@code rows} from row 2 on. */
    static byte[] filledTemplate(MockMvc mvc, List<List<String>> rows) throws Exception {
        byte[] template = mvc.perform(get("/api/v1/experts/template.xlsx").with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One import row: name, organisation, credit code, country, title, fields, keywords, languages, e-mail. */
    static List<String> row(String name, String organization, String code, String country, String fields,
            String languages, String email) {
        return List.of(name, organization, code, country, "研究员", fields, "干旱区，荒漠化", languages, email);
    }

    /** The session of a person who signed in on the login form. */
    static MockHttpSession signIn(MockMvc mvc, String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", username).param("password", password)
                        .with(csrf()))
                .andExpect(redirectedUrl("/dashboard"))
                .andReturn().getRequest().getSession(false);
    }
}
