package org.silkgrant.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.silkgrant.review.web.ExpertFixture.PASSWORD;
import static org.silkgrant.review.web.ExpertFixture.email;
import static org.silkgrant.review.web.ExpertFixture.filledTemplate;
import static org.silkgrant.review.web.ExpertFixture.row;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.silkgrant.SilkGrantTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The Excel import: the template, a good file imported, a bad file refused with every bad row, files by content. */
@SilkGrantTest
@DirtiesContext
class ExpertImportTests {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private ResultActions upload(byte[] content, String name, String user) throws Exception {
        return mvc.perform(multipart("/api/v1/experts/import").file(new MockMultipartFile("file", name, XLSX, content))
                .param("callCode", "2023-SCO").header("Accept-Language", "en").with(httpBasic(user, PASSWORD)));
    }

    private long count(String email) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/experts").param("name", "").with(httpBasic("officer", PASSWORD))
                        .param("size", "100")).andReturn().getResponse().getContentAsString())
                .get("content").valueStream().filter(e -> e.get("email").asString().equals(email)).count();
    }

    @Test
    void theTemplateHasTheBilingualHeaderAnExampleAndTheCallsFieldCodes() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/experts/template.xlsx").param("callCode", "2023-SCO")
                        .with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", XLSX))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            DataFormatter text = new DataFormatter();
            assertThat(text.formatCellValue(workbook.getSheetAt(0).getRow(0).getCell(0))).startsWith("姓名 (Name)");
            assertThat(text.formatCellValue(workbook.getSheetAt(0).getRow(0).getCell(8))).startsWith("电子邮箱 (E-mail)");
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isZero();
            assertThat(text.formatCellValue(workbook.getSheetAt(1).getRow(1).getCell(3))).isEqualTo("CN");
            List<String> codes = new ArrayList<>();
            workbook.getSheetAt(2).forEach(r -> codes.add(text.formatCellValue(r.getCell(0))));
            assertThat(codes).contains("MODERN_AGRICULTURE", "DIGITAL_ECONOMY");
        }
        // The page offers the same download.
        mvc.perform(get("/office/experts/template.xlsx").session(ExpertFixture.signIn(mvc, "officer", PASSWORD)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", XLSX));
    }

    @Test
    void aGoodFileIsImportedWithCredentialsForEveryExpert() throws Exception {
        String first = email("import.one");
        String second = email("import.two");
        byte[] file = filledTemplate(mvc, List.of(
                row("导入专家甲", "新疆大学", ExpertFixture.creditCode(11), "CN", "MODERN_AGRICULTURE, NEW_ENERGY", "zh, en", first),
                List.of(), // a blank row is skipped
                row("Aigerim Sadykova", "Kazakh National Agrarian University", "", "KZ", "MODERN_AGRICULTURE", "kk ru en", second)));

        JsonNode result = json.readTree(upload(file, "专家.xlsx", "officer")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.experts[1].expert.country").value("KZ"))
                .andReturn().getResponse().getContentAsString());
        JsonNode kz = result.get("experts").get(1);
        mvc.perform(get("/api/v1/me/expert-profile").with(httpBasic(kz.get("username").asString(),
                        kz.get("initialPassword").asString())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.languages", hasItem("kk")))
                .andExpect(jsonPath("$.keywords", hasItem("荒漠化")));
        assertThat(count(first)).isEqualTo(1);
        mvc.perform(get("/api/v1/audit-events").param("action", "EXPERTS_IMPORTED").param("outcome", "SUCCESS")
                        .with(httpBasic("auditadmin", PASSWORD)))
                .andExpect(jsonPath("$.content[*].detail", hasItem(containsString(result.get("fileSha256").asString()))));
    }

    @Test
    void anInvisibleControlCharacterInACellIsRemovedBeforeTheExpertIsKept() throws Exception {
        String address = email("import.nul");
        byte[] file = filledTemplate(mvc, List.of(
                row("导入_x0000_专家_x001B_丙", "新疆_x0000_大学", ExpertFixture.creditCode(12), "CN", "NEW_ENERGY", "zh", address)));

        upload(file, "专家.xlsx", "officer")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.experts[0].expert.fullName").value("导入专家丙"))
                .andExpect(jsonPath("$.experts[0].expert.organizationName").value("新疆大学"));
    }

    @Test
    void everyBadRowIsReportedWithItsNumberAndReasonAndNothingIsImported() throws Exception {
        String good = email("good");
        String repeated = email("repeated");
        byte[] file = filledTemplate(mvc, List.of(
                row("好行", "新疆大学", ExpertFixture.creditCode(21), "CN", "NEW_ENERGY", "zh", good),            // row 2
                row("", "新疆大学", ExpertFixture.creditCode(22), "CN", "NEW_ENERGY", "zh", email("r3")),          // row 3
                row("缺代码", "新疆大学", "", "CN", "NEW_ENERGY", "zh", email("r4")),                               // row 4
                row("坏领域", "新疆大学", ExpertFixture.creditCode(23), "CN", "SPACE_TRAVEL", "zh", "no-at-sign"), // row 5
                row("重复甲", "新疆大学", ExpertFixture.creditCode(24), "CN", "NEW_ENERGY", "zh", repeated),        // row 6
                row("重复乙", "新疆大学", ExpertFixture.creditCode(25), "CN", "NEW_ENERGY", "zh", repeated),        // row 7
                row("已在库", "新疆大学", ExpertFixture.creditCode(26), "CN", "NEW_ENERGY", "zh", "expert@demo.silkgrant.org"), // row 8
                row("Bad Country", "Some University", "", "ZZ", "NEW_ENERGY", "english", email("r9"))));          // row 9

        JsonNode problem = json.readTree(upload(file, "experts.xlsx", "officer")
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString());
        Map<Integer, List<String>> byRow = new TreeMap<>();
        problem.get("errors").forEach(e -> byRow.computeIfAbsent(e.get("row").asInt(), r -> new ArrayList<>())
                .add(e.get("field").asString() + ":" + e.get("code").asString()));
        assertThat(byRow).containsOnlyKeys(3, 4, 5, 7, 8, 9);
        assertThat(byRow.get(3)).containsExactly("fullName:REQUIRED");
        assertThat(byRow.get(4)).containsExactly("organizationCode:REQUIRED");
        assertThat(byRow.get(5)).containsExactlyInAnyOrder("fields:UNKNOWN", "email:FORMAT");
        assertThat(byRow.get(7)).containsExactly("email:DUPLICATE_IN_FILE");
        assertThat(byRow.get(8)).containsExactly("email:DUPLICATE");
        assertThat(byRow.get(9)).containsExactlyInAnyOrder("country:UNKNOWN", "languages:UNKNOWN");
        problem.get("errors").forEach(e -> assertThat(e.get("message").asString()).isNotBlank().doesNotContain("expert."));
        assertThat(problem.toString()).contains("repeats row 6", "SPACE_TRAVEL");

        assertThat(count(good)).as("the good row of a refused file").isZero();
        assertThat(count(repeated)).isZero();
        mvc.perform(get("/api/v1/audit-events").param("action", "EXPERTS_IMPORTED").param("outcome", "FAILURE")
                        .with(httpBasic("auditadmin", PASSWORD)))
                .andExpect(jsonPath("$.content[*].detail", hasItem(containsString("6 bad rows"))));
    }

    @Test
    void aFileThatIsNotAnXlsxIsRefusedWhateverItsName() throws Exception {
        upload("姓名,工作单位\n张三,某大学\n".getBytes(StandardCharsets.UTF_8), "experts.xlsx", "officer")
                .andExpect(status().isUnsupportedMediaType());
        upload("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1),
                "experts.xlsx", "officer").andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void aZipBombNamedXlsxIsRefusedBeforeAnyRowIsRead() throws Exception {
        String email = email("bomb");
        byte[] template = filledTemplate(mvc, List.of(row("炸弹", "新疆大学", ExpertFixture.creditCode(41), "CN",
                "MODERN_AGRICULTURE", "zh", email)));
        // The real template with one more part of 20 MB of zeros: about 1000:1.
        byte[] bomb;
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(template));
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            for (java.util.zip.ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new java.util.zip.ZipEntry("xl/media/image1.png"));
            out.write(new byte[20 * 1024 * 1024]);
            out.closeEntry();
            out.finish();
            bomb = bytes.toByteArray();
        }

        JsonNode problem = json.readTree(upload(bomb, "experts.xlsx", "officer")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("ZIP_RATIO"))
                .andReturn().getResponse().getContentAsString());
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("zip bomb", "100:1")
                .doesNotContain("Exception", "document.");
        assertThat(count(email)).as("experts imported from a refused file").isZero();
    }

    @Test
    void aSpreadsheetThatIsNotTheTemplateIsRefusedAsAWhole() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("Budget");
            workbook.write(out);
            upload(out.toByteArray(), "budget.xlsx", "officer")
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].row").value(1))
                    .andExpect(jsonPath("$.errors[0].code").value("HEADER"));
        }
        upload(filledTemplate(mvc, List.of()), "empty.xlsx", "officer")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("EMPTY"));
    }

    @Test
    void onlyTheOfficerImports() throws Exception {
        byte[] file = filledTemplate(mvc, List.of(row("无权", "新疆大学", ExpertFixture.creditCode(31), "CN",
                "NEW_ENERGY", "zh", email("nope"))));
        upload(file, "experts.xlsx", "uni-admin").andExpect(status().isForbidden());
        upload(file, "experts.xlsx", "expert").andExpect(status().isForbidden());
    }

    @Test
    void theImportPageListsEveryBadRow() throws Exception {
        MockHttpSession officer = ExpertFixture.signIn(mvc, "officer", PASSWORD);
        mvc.perform(get("/office/experts/import").session(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));
        byte[] bad = filledTemplate(mvc, List.of(
                row("", "新疆大学", ExpertFixture.creditCode(41), "CN", "NEW_ENERGY", "zh", email("p2")),
                row("页面坏行", "新疆大学", ExpertFixture.creditCode(42), "CN", "NEW_ENERGY", "xx", email("p3"))));
        mvc.perform(multipart("/office/experts/import").file(new MockMultipartFile("file", "e.xlsx", XLSX, bad))
                        .session(officer).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-row=\"2\"")))
                .andExpect(content().string(containsString("data-row=\"3\"")))
                .andExpect(content().string(containsString("请填写姓名。")))
                .andExpect(content().string(containsString("语言代码 xx 不是 ISO 639-1 两位字母代码")));
        mvc.perform(multipart("/office/experts/import").file(new MockMultipartFile("file", "e.xlsx", XLSX,
                        "not a workbook".getBytes(StandardCharsets.UTF_8))).session(officer).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"file-error\"")));
        String email = email("page.import");
        mvc.perform(multipart("/office/experts/import").file(new MockMultipartFile("file", "e.xlsx", XLSX,
                        filledTemplate(mvc, List.of(row("页面导入", "新疆大学", ExpertFixture.creditCode(43), "CN",
                                "NEW_ENERGY", "zh", email))))).session(officer).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"created\"")))
                .andExpect(content().string(containsString(email)));
    }
}
