package org.silkgrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.silkgrant.shared.DemoMode;
import org.silkgrant.shared.DemoProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two application nodes on one PostgreSQL database (127.0.0.1:5432, user {@code postgres}, no password), each with
 * its own data-dir but one shared file store directory, one personal-data key and one receipt key, driven over HTTP
 * by one client with one cookie jar as a reverse proxy without sticky sessions would: signed in on node A, a section
 * saved on B through the page form (the session and its CSRF token are A's), submitted on A, read on B, signed out on
 * B; an officer's second factor begun on one node and passed on the other; and the reminder job run on both nodes at
 * once sends each reminder once. A fresh database per run, dropped afterwards.
 * Skipped when no server answers, except on CI ({@code CI=true}) where that fails the test.
 */
class TwoNodesTests {

    private static final String HOST = "127.0.0.1:5432";
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + "/postgres";
    private static final String USER = "postgres";
    private static final String PASSWORD = "";
    private static final String DEMO_PASSWORD = SilkGrantTest.DEMO_PASSWORD;
    private static final String CALL = "2023-SCO";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aSessionStartedOnOneNodeServesOnTheOtherAndTheReminderJobRunsOnce() throws Exception {
        requirePostgres();
        String database = "silkgrant_nodes_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        Path root = Path.of("target", "test-data", "two-nodes", database);
        Path files = root.resolve("files");
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        String dataKey = Base64.getEncoder().encodeToString(key);
        admin("CREATE DATABASE " + database);
        try (ConfigurableApplicationContext a = start(database, root.resolve("node-a"), files, dataKey, null, true);
                ConfigurableApplicationContext b = start(database, root.resolve("node-b"), files, dataKey,
                        Files.readString(root.resolve("node-a").resolve("keys").resolve("receipt-sm2.pem")), false)) {
            Node nodeA = new Node("A", a);
            Node nodeB = new Node("B", b);
            JdbcTemplate jdbc = new JdbcTemplate(a.getBean(DataSource.class));

            // The leader prepares everything but the narrative through the API (HTTP Basic, no session).
            long id = nodeA.api("uni-leader", "POST", "/api/v1/applications",
                    "{\"callCode\":\"" + CALL + "\",\"title\":\"阿尔泰区域生态监测联合研究\"}", 201).get("id").asLong();
            for (var section : sectionsButTheNarrative().entrySet()) {
                long version = nodeA.api("uni-leader", "GET", "/api/v1/applications/" + id, null, 200).get("version").asLong();
                nodeA.api("uni-leader", "PUT", "/api/v1/applications/" + id + "/sections/" + section.getKey(),
                        section.getValue(), 200, "If-Match", String.valueOf(version));
            }
            // The agreement arrives on B, in the file store both nodes share.
            byte[] agreement = pdf();
            long attachmentId = nodeB.upload("uni-leader", id, "COOPERATION_AGREEMENT", "agreement.pdf", agreement)
                    .get("id").asLong();

            // One browser: one cookie jar for both nodes, as behind a proxy without sticky sessions.
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

            // Signed in on A.
            String loginToken = csrf(nodeA.page(browser, "/login", 200));
            HttpResponse<String> login = nodeA.form(browser, "/login",
                    Map.of("username", "uni-leader", "password", DEMO_PASSWORD, "_csrf", loginToken));
            assertThat(login.statusCode()).as("sign-in on node A").isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse(""))
                    .as("sign-in on node A goes to the dashboard, not back to the login page").endsWith("/dashboard");
            assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'uni-leader'",
                    Integer.class)).as("sessions of uni-leader in spring_session after signing in on A").isEqualTo(1);

            // The editor on B: the session from A is valid there, and so is its CSRF token.
            String editor = nodeB.page(browser, "/applications/" + id, 200);
            String token = csrf(editor);
            long before = nodeB.api("uni-leader", "GET", "/api/v1/applications/" + id, null, 200).get("version").asLong();
            Map<String, String> narrative = new LinkedHashMap<>();
            narrative.put("objectives", "目标：节点 B 保存");
            narrative.put("rationale", "理由");
            narrative.put("content", "内容");
            narrative.put("channels", "渠道");
            narrative.put("responsibilities", "责任");
            narrative.put("plan", "方案");
            narrative.put("expectedResults", "成效");
            narrative.put("version", String.valueOf(before));
            narrative.put("_csrf", token);
            HttpResponse<String> saved = nodeB.form(browser, "/applications/" + id + "/sections/narrative", narrative);
            assertThat(saved.statusCode()).as("saving the narrative on node B with the session from A: %s", saved.body())
                    .isEqualTo(302);
            assertThat(saved.headers().firstValue("Location").orElse("")).as("where the save on B redirects")
                    .contains("/applications/" + id + "#section-narrative");
            JsonNode afterSave = nodeA.api("uni-leader", "GET", "/api/v1/applications/" + id, null, 200);
            assertThat(afterSave.get("version").asLong()).as("version on A after the save on B").isEqualTo(before + 1);
            assertThat(afterSave.get("sections").get("narrative").get("objectives").asString())
                    .as("the narrative saved on B, read on A").isEqualTo("目标：节点 B 保存");

            // Confirmed on B (the confirmation page names the version it freezes), submitted on A with the same
            // session; the notice (a flash attribute in the session) is shown on B.
            String confirmation = nodeB.page(browser, "/applications/" + id + "/submit", 200);
            Matcher confirmed = Pattern.compile("name=\"confirmedVersion\" value=\"(\\d+)\"").matcher(confirmation);
            assertThat(confirmed.find()).as("the confirmation page on B: %s", confirmation).isTrue();
            HttpResponse<String> submitted = nodeA.form(browser, "/applications/" + id + "/submit",
                    Map.of("_csrf", token, "confirmedVersion", confirmed.group(1), "pledge", "true"));
            assertThat(submitted.statusCode()).as("submitting on node A: %s", submitted.body()).isEqualTo(302);
            String afterSubmit = nodeB.page(browser, "/applications/" + id, 200);
            String receipt = jdbc.queryForObject("select receipt_number from application_version where application_id = ?", String.class, id);
            assertThat(afterSubmit).as("the editor on B after the submission on A shows the notice with the receipt")
                    .contains(receipt)
                    .doesNotContain("alert alert-danger\" role=\"alert\"");

            // One consistent result, read on either node.
            JsonNode onB = nodeB.api("uni-leader", "GET", "/api/v1/applications/" + id, null, 200);
            JsonNode onA = nodeA.api("uni-leader", "GET", "/api/v1/applications/" + id, null, 200);
            assertThat(onB.get("status").asString()).as("status on B").isEqualTo("SUBMITTED");
            assertThat(onB.get("status").asString()).as("status on A").isEqualTo(onA.get("status").asString());
            assertThat(onB.get("version").asLong()).as("version on B and on A")
                    .isEqualTo(onA.get("version").asLong()).isGreaterThan(before);
            assertThat(onB.get("submittedVersion").asInt()).as("submitted version on B and on A")
                    .isEqualTo(onA.get("submittedVersion").asInt()).isEqualTo(1);
            JsonNode againOnB = nodeB.api("uni-leader", "POST", "/api/v1/applications/" + id + "/submit", null, 200);
            assertThat(againOnB.get("receipt").get("number").asString())
                    .as("receipt number when B is asked to submit again").isEqualTo(receipt);
            assertThat(againOnB.get("receipt").get("signature").asString())
                    .as("receipt signature from B and from A (one receipt key)")
                    .isEqualTo(nodeA.api("uni-leader", "POST", "/api/v1/applications/" + id + "/submit", null, 200)
                            .get("receipt").get("signature").asString());
            assertThat(jdbc.queryForObject("select count(*) from application_version where application_id = ?", Integer.class, id))
                    .as("submitted versions of the application").isEqualTo(1);
            assertThat(nodeA.download("uni-leader", "/api/v1/applications/" + id + "/attachments/" + attachmentId))
                    .as("the agreement uploaded on B, downloaded from A").isEqualTo(agreement);

            // Signed out on B: the session is gone on A too.
            HttpResponse<String> logout = nodeB.form(browser, "/logout", Map.of("_csrf", token));
            assertThat(logout.statusCode()).as("sign-out on B").isEqualTo(302);
            HttpResponse<String> dashboard = nodeA.get(browser, "/dashboard");
            assertThat(dashboard.statusCode()).as("the dashboard on A after signing out on B").isEqualTo(302);
            assertThat(dashboard.headers().firstValue("Location").orElse("")).as("where A sends the signed-out browser")
                    .endsWith("/login");

            // Second factor: the officer signs in on B, enrols on A (the secret is stored with the shared data key),
            // passes on B with a code computed from the secret shown on A, and is let through on A.
            HttpClient officer = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> staffLogin = nodeB.form(officer, "/login", Map.of("username", "officer",
                    "password", DEMO_PASSWORD, "_csrf", csrf(nodeB.page(officer, "/login", 200))));
            assertThat(staffLogin.statusCode()).as("officer's sign-in on B").isEqualTo(302);
            HttpResponse<String> waiting = nodeA.get(officer, "/dashboard");
            assertThat(waiting.headers().firstValue("Location").orElse(""))
                    .as("the dashboard on A before the second factor").endsWith("/mfa");
            String enrolment = nodeA.page(officer, "/mfa", 200);
            Matcher secret = Pattern.compile("id=\"mfa-secret\">([A-Z2-7]+)<").matcher(enrolment);
            assertThat(secret.find()).as("the enrolment page on A shows the secret").isTrue();
            String code = new DefaultCodeGenerator().generate(secret.group(1),
                    Math.floorDiv(Instant.now().getEpochSecond(), 30));
            HttpResponse<String> passed = nodeB.form(officer, "/mfa", Map.of("code", code, "_csrf", csrf(enrolment)));
            assertThat(passed.statusCode()).as("the code on B: %s", passed.body()).isEqualTo(302);
            assertThat(passed.headers().firstValue("Location").orElse("")).as("where B sends the officer after the code")
                    .endsWith("/dashboard");
            nodeA.page(officer, "/dashboard", 200);

            // A draft two hours inside the 24 h mark (reminderHours [72, 24]); the reminder job runs on both at once.
            long draft = nodeB.api("ent-leader", "POST", "/api/v1/applications",
                    "{\"callCode\":\"" + CALL + "\",\"title\":\"丝路示范草稿\"}", 201).get("id").asLong();
            jdbc.update("update grant_call set deadline = now() + interval '22 hours' where code = ?", CALL);
            runAtOnce(List.of(reminderJob(a), reminderJob(b), reminderJob(a), reminderJob(b)));

            assertThat(jdbc.queryForList("select kind || ' ' || subject || ' ' || hour_mark from reminder_sent", String.class))
                    .as("reminders recorded after the job ran twice on each node at once")
                    .containsExactly("REMINDER_DRAFT application:" + draft + " 24");
            Long entLeader = jdbc.queryForObject("select id from user_account where username = 'ent-leader'", Long.class);
            assertThat(jdbc.queryForList("select user_id from notice where source_key like 'reminder:%'", Long.class))
                    .as("reminder notices by recipient: one, to the draft's leader").containsExactly(entLeader);
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** The node's reminder job as its scheduler runs it (through the ShedLock proxy). */
    private static Runnable reminderJob(ConfigurableApplicationContext app) {
        List<ScheduledTask> tasks = app.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                .flatMap(holder -> holder.getScheduledTasks().stream())
                .filter(task -> task.toString().contains("notification.Reminders.run"))
                .toList();
        assertThat(tasks).as("the scheduled reminder job of a node").hasSize(1);
        return tasks.get(0).getTask().getRunnable();
    }

    private static void runAtOnce(List<Runnable> jobs) throws Exception {
        CyclicBarrier start = new CyclicBarrier(jobs.size());
        ExecutorService pool = Executors.newFixedThreadPool(jobs.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Runnable job : jobs) {
                done.add(pool.submit(() -> {
                    start.await();
                    job.run();
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** One node over HTTP: API calls with HTTP Basic, pages with the browser's cookie jar. */
    private record Node(String name, int port, HttpClient basic) {

        Node(String name, ConfigurableApplicationContext app) {
            this(name, Integer.parseInt(app.getEnvironment().getProperty("local.server.port")),
                    HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        JsonNode api(String user, String method, String path, String body, int status, String... headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", basicAuth(user))
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = basic.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as("%s %s on node %s: %s", method, path, name, response.body()).isEqualTo(status);
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        }

        JsonNode upload(String user, long id, String kind, String fileName, byte[] content)
                throws IOException, InterruptedException {
            String boundary = "----silkgrant" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = basic.send(HttpRequest.newBuilder(uri("/api/v1/applications/" + id + "/attachments"))
                    .header("Authorization", basicAuth(user))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as("upload on node %s: %s", name, response.body()).isEqualTo(201);
            return JSON.readTree(response.body());
        }

        byte[] download(String user, String path) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = basic.send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", basicAuth(user)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("GET %s on node %s", path, name).isEqualTo(200);
            return response.body();
        }

        HttpResponse<String> get(HttpClient browser, String path) throws IOException, InterruptedException {
            return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        String page(HttpClient browser, String path, int status) throws IOException, InterruptedException {
            HttpResponse<String> response = get(browser, path);
            assertThat(response.statusCode()).as("GET %s on node %s (Location %s)", path, name,
                    response.headers().firstValue("Location").orElse("-")).isEqualTo(status);
            return response.body();
        }

        HttpResponse<String> form(HttpClient browser, String path, Map<String, String> fields)
                throws IOException, InterruptedException {
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        private static String basicAuth(String user) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    /** A complete G3 application of the demo university's leader, but for the narrative (as in ThroughTheApi). */
    private static Map<String, String> sectionsButTheNarrative() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("basics", "{\"title\":\"阿尔泰区域生态监测联合研究\",\"category\":\"GENERAL\",\"scope\":\"G3\","
                + "\"startDate\":\"2024-01-01\",\"endDate\":\"2026-06-30\",\"keywords\":[\"生态\"],\"summary\":\"摘要\","
                + "\"recommendingDepartment\":\"650100\"}");
        sections.put("team", "{\"members\":[{\"fullName\":\"张三\",\"role\":\"LEADER\",\"title\":\"教授\"},"
                + "{\"fullName\":\"李四\",\"role\":\"RESEARCH_ASSISTANT\",\"title\":\"科研助理\"}]}");
        sections.put("partners", "{\"partners\":[{\"country\":\"RU\",\"regionCode\":\"RU-ALT\",\"name\":\"Altai State University\","
                + "\"address\":\"Barnaul\",\"people\":[{\"fullName\":\"Ivan Petrov\",\"position\":\"Professor\",\"role\":\"PI\"}]}]}");
        sections.put("budget", "{\"fiscal\":\"100\",\"selfRaised\":\"0\",\"lines\":["
                + "{\"category\":\"EQUIPMENT\",\"source\":\"FISCAL\",\"amount\":\"60\"},"
                + "{\"category\":\"OPERATING\",\"source\":\"FISCAL\",\"amount\":\"40\"}]}");
        sections.put("indicators", "{\"indicators\":[{\"kind\":\"PATENT_APPLICATION\",\"description\":\"发明专利申请\","
                + "\"quantity\":2,\"unit\":\"件\"}]}");
        sections.put("ethics", "{\"humanSubjects\":false,\"humanGeneticResources\":false,\"laboratoryAnimals\":false}");
        sections.put("agreement", "{\"scienceInput\":\"第3条\",\"divisionOfWork\":\"第4条\",\"ipOwnership\":\"第6条\","
                + "\"resultsOwnership\":\"第7条\"}");
        return sections;
    }

    /** The smallest PDF the content sniffer accepts as one. */
    private static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1>>\n"
                + "endobj\n3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>\nendobj\n";
        int xref = body.length();
        String tail = "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \n"
                + "trailer\n<</Size 4/Root 1 0 R>>\nstartxref\n" + xref + "\n%%EOF\n";
        return (body + tail).getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A node with the postgres profile on the given database: its own data-dir, the shared file store, the same
     * personal-data key and (for B) A's receipt key; staff sign in with a second factor, as in production. The settings are
     * command-line arguments: default properties rank below application.yml, whose postgres profile sets them.
     */
    private static ConfigurableApplicationContext start(String database, Path dataDir, Path files, String dataKey,
            String receiptKey, boolean demo) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://" + HOST + "/" + database,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD,
                "--silkgrant.data-dir=" + dataDir,
                "--silkgrant.files.directory=" + files,
                "--silkgrant.security.data-key=" + dataKey,
                "--silkgrant.security.require-staff-mfa=true",
                "--silkgrant.demo.enabled=" + demo,
                "--silkgrant.demo.password=" + DEMO_PASSWORD));
        if (receiptKey != null) {
            args.add("--silkgrant.receipts.private-key=" + receiptKey);
        }
        SpringApplicationBuilder builder = demo
                ? new SpringApplicationBuilder(SilkGrantApplication.class, DemoOnPostgres.class)
                : new SpringApplicationBuilder(SilkGrantApplication.class);
        return builder.profiles("postgres").run(args.toArray(String[]::new));
    }

    /** Skips the test without a server, or fails it on CI. */
    private static void requirePostgres() {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD)) {
            connection.isValid(3);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true: CI needs PostgreSQL at " + HOST + " (user postgres, trust auth) for "
                        + "TwoNodesTests, but it cannot be reached: " + e.getMessage(), e);
            }
            String reason = "PostgreSQL not reachable at " + HOST + ": " + e.getMessage()
                    + "; two-node test skipped";
            System.out.println("[TwoNodesTests] " + reason);
            Assumptions.abort(reason);
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
