package org.silkgrant.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Who may object (issue 12, point 8; docs/award.md "Who may object"): applicants and organisation admins file
 * objections with their accounts; program office staff, recommending departments, experts, partner contacts and the
 * three admins get 403 on the page and the API. The public objects with a verified e-mail address only where the
 * call allows it (T12-PUB; the shipped 2023 call and T12-OBJ do not: 403 from the API, 404 from the page): a
 * single-use code is mailed (a real SMTP server here), a wrong or used code is refused, and an address may ask for
 * only so many codes an hour.
 */
@SilkGrantTest
@DirtiesContext
class ObjectionAuthorizationTests {

    private static final String CLOSED = "T12-OBJ";
    private static final String OPEN = "T12-PUB";
    private static final GreenMail SMTP = smtp();
    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");
    private static final Map<String, Long> NOTICED = new java.util.concurrent.ConcurrentHashMap<>();

    @DynamicPropertySource
    static void setUp(DynamicPropertyRegistry registry) {
        Map<String, UnaryOperator<String>> calls = new LinkedHashMap<>();
        calls.put(CLOSED, UnaryOperator.identity());
        calls.put(OPEN, text -> text.replace("    enabled: false\n    codesPerAddressPerHour: 3\n",
                "    enabled: true\n    codesPerAddressPerHour: 2\n"));
        AwardFixture.calls(registry, calls);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("silkgrant.review.reminder-cron", () -> "-");
        registry.add("silkgrant.notification.reminder-cron", () -> "-");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    java.time.Clock clock;

    /** Each call's notice, published once, with one approved application on it. */
    @BeforeEach
    void publishTheNotices() throws Exception {
        synchronized (NOTICED) {
            AwardFixture fixture = new AwardFixture(jdbc, clock);
            for (String call : List.of(CLOSED, OPEN)) {
                if (NOTICED.containsKey(call)) {
                    continue;
                }
                long id = fixture.underReview(call, "uni-leader", "公示异议测试项目 " + call, "GENERAL", "G3", "100");
                fixture.submitted(fixture.round(call, 1), id, "expert-liu", "8");
                assertThat(send(post("/api/v1/applications/{id}/decision", id).with(as("officer"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVED\",\"grantedAmount\":\"90\"}"))
                        .status()).isEqualTo(200);
                Reply notice = send(post("/api/v1/calls/{code}/notice", call).with(as("officer")));
                assertThat(notice.status()).as(notice.text()).isEqualTo(201);
                NOTICED.put(call, id);
            }
        }
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private record Reply(int status, JsonNode body, String text) {
    }

    private Reply send(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.header("Accept-Language", "en")).andReturn().getResponse();
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        JsonNode body = text.strip().startsWith("{") || text.strip().startsWith("[") ? json.readTree(text) : json.createObjectNode();
        return new Reply(response.getStatus(), body, text);
    }

    private String objection(long application, String text) {
        return "{\"applicationId\":" + application + ",\"text\":\"" + text + "\"}";
    }

    @ParameterizedTest(name = "{0}: API {1}, page {2}")
    @CsvSource({
            "uni-leader, 201, 302", "ent-leader, 201, 302", "uni-admin, 201, 302", "ent-admin, 201, 302",
            "officer, 403, 403", "recommender, 403, 403", "expert, 403, 403", "expert-ivanov, 403, 403",
            "sysadmin, 403, 403", "secadmin, 403, 403", "auditadmin, 403, 403"})
    void eachRoleObjectsOrIsRefusedOnTheApiAndThePage(String username, int api, int page) throws Exception {
        long application = NOTICED.get(CLOSED);
        Reply byApi = send(post("/api/v1/calls/{code}/notice/objections", CLOSED).with(as(username))
                .contentType(MediaType.APPLICATION_JSON).content(objection(application, "合作协议存疑：" + username)));
        assertThat(byApi.status()).as(byApi.text()).isEqualTo(api);
        if (api == 403) {
            assertThat(byApi.body().get("detail").asString()).contains("Only applicants (project leaders) and organisation admins");
        }
        MockHttpServletResponse byPage = mvc.perform(post("/notices/{code}/objections", CLOSED).with(as(username))
                .with(csrf()).param("applicationId", String.valueOf(application)).param("text", "页面异议：" + username))
                .andReturn().getResponse();
        assertThat(byPage.getStatus()).isEqualTo(page);
        int filed = jdbc.queryForObject("select count(*) from award_objection where filed_by = ?", Integer.class, username);
        assertThat(filed).as("objections on record by %s", username).isEqualTo(api == 201 ? 2 : 0);

        String notice = mvc.perform(get("/notices/{code}", CLOSED).with(as(username))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        if (api == 201) {
            assertThat(notice).contains("objection-form").doesNotContain("objection-not-allowed");
        } else {
            assertThat(notice).contains("objection-not-allowed").doesNotContain("objection-form");
        }
    }

    @Test
    void aPartnerContactAndAnAnonymousVisitorFileNoObjectionWithAnAccount() throws Exception {
        long application = NOTICED.get(CLOSED);
        SilkGrantUser partner = new SilkGrantUser(null, "partner-contact", "", "Иван Петров", null,
                Set.of(Role.PARTNER_CONTACT), true, false, false);
        assertThat(send(post("/api/v1/calls/{code}/notice/objections", CLOSED).with(user(partner))
                .contentType(MediaType.APPLICATION_JSON).content(objection(application, "x"))).status()).isEqualTo(403);
        SilkGrantUser leaderAndExpert = new SilkGrantUser(999_999L, "leader-expert", "", "兼任专家", 1L,
                Set.of(Role.APPLICANT, Role.EXPERT), true, false, false);
        assertThat(send(post("/api/v1/calls/{code}/notice/objections", CLOSED).with(user(leaderAndExpert))
                .contentType(MediaType.APPLICATION_JSON).content(objection(application, "x"))).status())
                .as("an expert does not object, whatever other role they hold").isEqualTo(403);
        assertThat(send(post("/api/v1/calls/{code}/notice/objections", CLOSED).contentType(MediaType.APPLICATION_JSON)
                .content(objection(application, "x"))).status()).isEqualTo(401);
        MockHttpServletResponse anonymous = mvc.perform(post("/notices/{code}/objections", CLOSED).with(csrf())
                .param("applicationId", String.valueOf(application)).param("text", "匿名")).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(302);
        assertThat(anonymous.getRedirectedUrl()).contains("/login");
    }

    @Test
    void theShippedCallAndT12ObjTakeNoObjectionsFromThePublic() throws Exception {
        for (String call : List.of(CLOSED, "2023-SCO")) {
            Reply code = send(post("/api/v1/calls/{code}/notice/public-objections/codes", call)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"visitor@example.org\"}"));
            assertThat(code.status()).as(call).isEqualTo(403);
            assertThat(code.body().get("detail").asString()).contains("does not take objections from the public");
            assertThat(send(post("/api/v1/calls/{code}/notice/public-objections", call).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\":\"visitor@example.org\",\"code\":\"123456\",\"applicationId\":1,\"text\":\"x\"}"))
                    .status()).isEqualTo(403);
            assertThat(mvc.perform(post("/notices/{code}/public-objection/code", call).with(csrf())
                    .param("email", "visitor@example.org")).andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(mvc.perform(post("/notices/{code}/public-objection", call).with(csrf())
                    .param("verificationCode", "123456")).andReturn().getResponse().getStatus()).isEqualTo(404);
        }
        assertThat(mvc.perform(get("/notices/{code}", CLOSED)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("public-objection").contains("/login");
        assertThat(jdbc.queryForObject("select count(*) from award_objection_code where call_code in (?, ?)", Integer.class,
                CLOSED, "2023-SCO")).as("no code issued").isZero();
    }

    @Test
    void wherePublicObjectionsAreOnAVisitorObjectsWithTheCodeMailedToTheirAddress() throws Exception {
        long application = NOTICED.get(OPEN);
        String page = mvc.perform(get("/notices/{code}", OPEN)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("public-objection", "public-code-form", "社会公众提出异议").doesNotContain("public-filing");

        Reply sent = send(post("/api/v1/calls/{code}/notice/public-objections/codes", OPEN)
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\" Visitor@Example.org \"}"));
        assertThat(sent.status()).as(sent.text()).isEqualTo(202);
        assertThat(sent.body().get("email").asString()).isEqualTo("visitor@example.org");
        String code = codeMailedTo("visitor@example.org", 1);
        assertThat(jdbc.queryForList("select code_hash from award_objection_code where email = 'visitor@example.org'",
                String.class)).singleElement().satisfies(hash -> assertThat(hash).hasSize(64).doesNotContain(code));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'AWARD_OBJECTION_CODE_REQUESTED' "
                + "and target_id = ? and detail = 'code for v***@example.org'", Integer.class, OPEN))
                .as("audited without the code or the whole address").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where detail like ?", Integer.class,
                "%" + code + "%")).isZero();

        String wrong = code.equals("000000") ? "000001" : "000000";
        Reply refused = send(post("/api/v1/calls/{code}/notice/public-objections", OPEN).contentType(MediaType.APPLICATION_JSON)
                .content(publicObjection("visitor@example.org", wrong, application)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("code");
        Reply filed = send(post("/api/v1/calls/{code}/notice/public-objections", OPEN).contentType(MediaType.APPLICATION_JSON)
                .content(publicObjection("VISITOR@example.org", code, application)));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        assertThat(filed.body().get("filedBy").asString()).isEqualTo("public:visitor");
        assertThat(filed.body().get("filedByEmail").asString()).isEqualTo("visitor@example.org");
        assertThat(send(post("/api/v1/calls/{code}/notice/public-objections", OPEN).contentType(MediaType.APPLICATION_JSON)
                .content(publicObjection("visitor@example.org", code, application))).status()).as("used once").isEqualTo(422);

        // signed in, the public way is closed: one objects with the account (or, as an expert, not at all)
        assertThat(send(post("/api/v1/calls/{code}/notice/public-objections/codes", OPEN).with(as("uni-leader"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"leader@example.org\"}")).status()).isEqualTo(403);
        assertThat(send(post("/api/v1/calls/{code}/notice/public-objections/codes", OPEN).with(as("expert"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"expert@example.org\"}")).status()).isEqualTo(403);
        assertThat(send(post("/api/v1/calls/{code}/notice/public-objections/codes", OPEN)
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"not an address\"}")).status()).isEqualTo(422);

        // bounded: two codes an hour for one address in this call, then 429
        for (int i = 0; i < 2; i++) {
            assertThat(send(post("/api/v1/calls/{code}/notice/public-objections/codes", OPEN)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"busy@example.org\"}")).status()).isEqualTo(202);
        }
        Reply tooMany = send(post("/api/v1/calls/{code}/notice/public-objections/codes", OPEN)
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"busy@example.org\"}"));
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.body().get("detail").asString()).contains("at most 2 codes an hour");

        // the office sees who filed it; answering mails the visitor
        JsonNode objections = send(get("/api/v1/calls/{code}/notice/objections", OPEN).with(as("officer"))).body();
        long id = -1;
        for (JsonNode o : objections) {
            if ("visitor@example.org".equals(o.get("filedByEmail").asString())) {
                id = o.get("id").asLong();
            }
        }
        assertThat(id).isPositive();
        assertThat(mvc.perform(get("/office/calls/{code}/decisions", OPEN).with(as("officer"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("社会公众（visitor@example.org）");
        assertThat(send(post("/api/v1/objections/{id}/answer", id).with(as("officer")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"DISMISSED\",\"answer\":\"经核查，合作协议真实有效\"}")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo("visitor@example.org").stream()
                .anyMatch(m -> subject(m).contains("has been answered")));
    }

    @Test
    void onThePageAVisitorVerifiesTheAddressThenFilesWithTheCode() throws Exception {
        long application = NOTICED.get(OPEN);
        MockHttpSession session = new MockHttpSession();
        MockHttpServletResponse asked = mvc.perform(post("/notices/{code}/public-objection/code", OPEN).session(session)
                .with(csrf()).param("email", "page-visitor@example.org").param("lang", "en")).andReturn().getResponse();
        assertThat(asked.getStatus()).isEqualTo(302);
        String page = mvc.perform(get("/notices/{code}", OPEN).session(session)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("public-filing", "page-visitor@example.org");
        String code = codeMailedTo("page-visitor@example.org", 1);

        MockHttpServletResponse filed = mvc.perform(post("/notices/{code}/public-objection", OPEN).session(session)
                .with(csrf()).param("verificationCode", code).param("applicationId", String.valueOf(application))
                .param("text", "公示项目的合作单位信息与实际不符")).andReturn().getResponse();
        assertThat(filed.getStatus()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from award_objection where filed_by_email = 'page-visitor@example.org'",
                Integer.class)).isEqualTo(1);
        assertThat(session.getAttribute("award.publicObjection.email." + OPEN)).as("forgotten once used").isNull();
    }

    private static String publicObjection(String email, String code, long application) {
        return "{\"email\":\"" + email + "\",\"code\":\"" + code + "\",\"applicationId\":" + application
                + ",\"text\":\"公示项目的外方合作单位并未参与\"}";
    }

    /** The code of the {@code n}-th code mail to the address (mail goes out after the commit). */
    private static String codeMailedTo(String address, int n) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address).size() >= n);
        MimeMessage mail = mailsTo(address).get(n - 1);
        Matcher matcher = CODE.matcher(body(mail));
        assertThat(matcher.find()).as(body(mail)).isTrue();
        return matcher.group(1);
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).filter(m -> subject(m).contains("code") || subject(m).contains("验证码") || subject(m).contains("answered")
                || subject(m).contains("Код") || subject(m).contains("答复")).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage m) {
        try {
            return String.valueOf(m.getContent());
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail smtp() {
        int free;
        try (ServerSocket socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail server = new GreenMail(new ServerSetup(free, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }
}
