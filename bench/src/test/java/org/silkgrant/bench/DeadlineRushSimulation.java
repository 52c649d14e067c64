package org.silkgrant.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Deadline day (docs/performance.md): project leaders sign in with the form, open the dashboard and their
 * application, autosave its sections with think times, fetch the checklist, upload a 1 MB agreement, submit and
 * download the PDF; a share only reads. Before the rush, in the same run and on the same stack, two capacity
 * phases without think time: the ceiling (a signed-in one-row write, {@code POST /bench/ping}) and autosave, so
 * every figure can be given as a ratio to the ceiling.
 *
 * <p>Parameters (system properties): {@code base}, {@code users} (concurrent in the rush), {@code ramp} and
 * {@code hold} (seconds), {@code readShare}, {@code think} (scale of the 15–45 s think times; 0.01 for a smoke run),
 * {@code capacityUsers}, {@code capacitySeconds}, {@code firstLeader} (the seeded leaders are used once each, from
 * this number on), {@code password}. Needs the seeded data set ({@code --silkgrant.seed.organizations}) and the
 * server started with {@code --silkgrant.bench.enabled=true}.
 */
public class DeadlineRushSimulation extends Simulation {

    static String property(String name, String fallback) {
        return System.getProperty(name, fallback);
    }

    static final String BASE = property("base", "http://localhost:8080");
    static final int USERS = Integer.parseInt(property("users", "200"));
    static final int RAMP = Integer.parseInt(property("ramp", "60"));
    static final int HOLD = Integer.parseInt(property("hold", "240"));
    static final double READ_SHARE = Double.parseDouble(property("readShare", "0.2"));
    static final double THINK = Double.parseDouble(property("think", "1"));
    static final int CAPACITY_USERS = Integer.parseInt(property("capacityUsers", "40"));
    static final int CAPACITY_SECONDS = Integer.parseInt(property("capacitySeconds", "30"));
    static final int SEEDED = Integer.parseInt(property("seeded", "10000"));
    static final String PASSWORD = property("password", "Bench#Rush2026");
    static final String CALL = property("call", "2023-SCO");

    /** The next unused seeded leader; the seeder names them the same way (BenchSeeder.leader). */
    static final AtomicInteger NEXT_LEADER = new AtomicInteger(Integer.parseInt(property("firstLeader", "1")));

    static final Iterator<Map<String, Object>> LEADERS = Stream.generate((Supplier<Map<String, Object>>) () -> {
        int n = NEXT_LEADER.getAndIncrement();
        if (n > SEEDED) {
            throw new IllegalStateException("All " + SEEDED + " seeded leaders are used: seed a fresh database");
        }
        boolean enterprise = n % 4 == 0;
        return Map.of("username", String.format("bench-%05d-%s", n, enterprise ? "e" : "u"), "enterprise", enterprise,
                "n", n);
    }).iterator();

    static final byte[] AGREEMENT = pdf(1024 * 1024);

    /** A valid one-page PDF of about {@code size} bytes (a long comment before the objects keeps it parseable). */
    static byte[] pdf(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
        StringBuilder text = new StringBuilder("%PDF-1.4\n");
        while (text.length() < size) {
            text.append("% padding padding padding padding padding padding padding padding padding padding pad\n");
        }
        int[] offsets = new int[4];
        String[] objects = {"<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
                "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>"};
        for (int i = 0; i < objects.length; i++) {
            offsets[i + 1] = text.length();
            text.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = text.length();
        text.append("xref\n0 4\n0000000000 65535 f \n");
        for (int i = 1; i < 4; i++) {
            text.append(String.format("%010d 00000 n \n", offsets[i]));
        }
        text.append("trailer\n<</Size 4/Root 1 0 R>>\nstartxref\n").append(xref).append("\n%%EOF\n");
        byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    static Duration seconds(double s) {
        return Duration.ofMillis(Math.max(1, Math.round(s * 1000 * THINK)));
    }

    /** Autosave cadence: every 15–45 s (scaled). */
    static ChainBuilder think() {
        return pause(seconds(15), seconds(45));
    }

    HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .acceptHeader("text/html,application/xhtml+xml,*/*;q=0.8")
            .acceptLanguageHeader("zh-CN,zh;q=0.9")
            .userAgentHeader("SilkGrant deadline rush (Gatling)")
            .disableCaching()
            .shareConnections();

    /** Sign in with the form (CSRF token from the login page), land on the dashboard with its panel. */
    static final ChainBuilder SIGN_IN = feed(LEADERS)
            .exec(http("login page").get("/login").check(css("input[name='_csrf']", "value").saveAs("csrf")))
            .exec(http("sign in").post("/login")
                    .formParam("username", "#{username}").formParam("password", PASSWORD).formParam("_csrf", "#{csrf}")
                    .check(currentLocationRegex("/dashboard$").exists())
                    // The session and its CSRF token are new after sign-in: take the token from the page.
                    .check(css("input[name='_csrf']", "value").saveAs("csrf")))
            // A user who could not sign in leaves (and is counted as failed) rather than failing every step after.
            .exitHereIfFailed();

    static final ChainBuilder DASHBOARD = exec(http("dashboard").get("/dashboard")
            .check(css("input[name='_csrf']", "value").saveAs("csrf")))
            .exec(http("dashboard panel").get("/applications/panel").header("HX-Request", "true")
                    .check(css("a.text-break", "href").find().optional().saveAs("draft")));

    /** The leader's draft (half are seeded with one), or a new one. */
    static final ChainBuilder OPEN_APPLICATION = doIfOrElse(session -> session.contains("draft"))
            .then(exec(session -> session.set("id", session.getString("draft").replaceAll("\\D", ""))))
            .orElse(exec(http("create application").post("/applications")
                    .formParam("callCode", CALL).formParam("title", "阿尔泰区域生态监测联合研究 #{n}")
                    .formParam("_csrf", "#{csrf}")
                    .check(currentLocationRegex("/applications/(\\d+)$").saveAs("id"))))
            .exec(http("application page").get("/applications/#{id}")
                    .check(css("meta[name='_csrf']", "content").saveAs("csrf"))
                    .check(css("input#version-basics", "value").saveAs("version")));

    static HttpRequestActionBuilder save(String section) {
        return http("save " + section).post("/applications/#{id}/sections/" + section)
                .header("HX-Request", "true").header("X-CSRF-TOKEN", "#{csrf}")
                .formParam("version", "#{version}")
                .check(status().is(200))
                .check(substring("data-outcome=\"saved\""))
                .check(css("input.version-input", "value").saveAs("version"));
    }

    /** Every section, filled so that the checklist passes (as SubmissionApiTests does through the API). */
    static final ChainBuilder FILL = exec(
            think(), exec(save("basics").formParam("title", "阿尔泰区域生态监测联合研究 #{n}").formParam("category", "GENERAL")
                    .formParam("scope", "G3").formParam("startDate", "2024-01-01").formParam("endDate", "2026-06-30")
                    .formParam("keywords", "生态, 监测").formParam("summary", "阿尔泰区域生态监测的联合研究摘要。")
                    .formParam("recommendingDepartment", "650100")),
            think(), exec(save("narrative").formParam("objectives", "目标").formParam("rationale", "理由")
                    .formParam("content", "内容").formParam("channels", "渠道").formParam("responsibilities", "责任")
                    .formParam("plan", "方案").formParam("expectedResults", "成效")),
            // The leader is the account holder (LEADER_IS_APPLICANT); the seeder names the n-th leader 负责人n.
            think(), exec(save("team").formParam("members[0].fullName", "负责人#{n}").formParam("members[0].role", "LEADER")
                    .formParam("members[0].title", "教授").formParam("members[1].fullName", "李四")
                    .formParam("members[1].role", "RESEARCH_ASSISTANT").formParam("members[1].title", "科研助理")),
            think(), exec(save("partners").formParam("partners[0].country", "RU").formParam("partners[0].regionCode", "RU-ALT")
                    .formParam("partners[0].name", "Altai State University").formParam("partners[0].address", "Barnaul")
                    .formParam("partners[0].people[0].fullName", "Ivan Petrov")
                    .formParam("partners[0].people[0].position", "Professor").formParam("partners[0].people[0].role", "PI")),
            think(), doIfOrElse("#{enterprise}")
                    // Enterprises match the fiscal grant 2:1 from their own funds.
                    .then(exec(save("budget").formParam("fiscal", "50").formParam("selfRaised", "100")
                            .formParam("lines[0].category", "EQUIPMENT").formParam("lines[0].source", "FISCAL")
                            .formParam("lines[0].amount", "50").formParam("lines[1].category", "EQUIPMENT")
                            .formParam("lines[1].source", "SELF_RAISED").formParam("lines[1].amount", "100")))
                    .orElse(exec(save("budget").formParam("fiscal", "100").formParam("selfRaised", "0")
                            .formParam("lines[0].category", "EQUIPMENT").formParam("lines[0].source", "FISCAL")
                            .formParam("lines[0].amount", "60").formParam("lines[1].category", "OPERATING")
                            .formParam("lines[1].source", "FISCAL").formParam("lines[1].amount", "40"))),
            think(), exec(save("indicators").formParam("indicators[0].kind", "PATENT_APPLICATION")
                    .formParam("indicators[0].description", "发明专利申请").formParam("indicators[0].quantity", "2")
                    .formParam("indicators[0].unit", "件")),
            // Each ethics trigger answered 不涉及 (an unanswered one blocks submission).
            think(), exec(save("ethics").formParam("humanSubjects", "false").formParam("humanGeneticResources", "false")
                    .formParam("laboratoryAnimals", "false").formParam("hgrProcedure", "")),
            think(), exec(save("agreement").formParam("scienceInput", "第3条").formParam("divisionOfWork", "第4条")
                    .formParam("ipOwnership", "第6条").formParam("resultsOwnership", "第7条")),
            // Still typing in the narrative: a second autosave of the same section.
            think(), exec(save("narrative").formParam("objectives", "目标（修订）").formParam("rationale", "理由")
                    .formParam("content", "内容").formParam("channels", "渠道").formParam("responsibilities", "责任")
                    .formParam("plan", "方案").formParam("expectedResults", "成效")));

    static final ChainBuilder FINISH = exec(
            http("checklist").get("/applications/#{id}/checklist").header("HX-Request", "true").check(status().is(200)),
            pause(seconds(5), seconds(15)),
            exec(http("upload agreement").post("/applications/#{id}/attachments").header("X-CSRF-TOKEN", "#{csrf}")
                    .asMultipartForm()
                    .bodyPart(StringBodyPart("kind", "COOPERATION_AGREEMENT"))
                    .bodyPart(StringBodyPart("_csrf", "#{csrf}"))
                    .bodyPart(ByteArrayBodyPart("file", AGREEMENT).fileName("agreement.pdf").contentType("application/pdf"))
                    .check(substring("已上传"))),
            pause(seconds(5), seconds(15)),
            // The confirmation lists what will be frozen and names the version; only its confirmed POST submits.
            exec(http("submit confirmation").get("/applications/#{id}/submit")
                    .check(css("input[name='confirmedVersion']", "value").saveAs("confirmedVersion"))),
            pause(seconds(2), seconds(5)),
            exec(http("submit").post("/applications/#{id}/submit").formParam("_csrf", "#{csrf}")
                    .formParam("confirmedVersion", "#{confirmedVersion}").formParam("pledge", "true")
                    .check(substring("受理回执编号"))),
            pause(seconds(2), seconds(5)),
            exec(http("download pdf").get("/applications/#{id}/pdf")
                    .check(status().is(200)).check(header("Content-Type").is("application/pdf"))));

    /** Looks around without writing: the dashboard, the call, the list and the own draft, a few times. */
    static final ChainBuilder READ = repeat(4).on(
            pause(seconds(15), seconds(45)),
            exec(http("call page").get("/calls/" + CALL).check(status().is(200))),
            pause(seconds(5), seconds(15)),
            exec(http("applications list").get("/applications").check(status().is(200))),
            exec(DASHBOARD),
            doIf(session -> session.contains("draft")).then(
                    exec(http("application page").get("#{draft}").check(status().is(200)))));

    ScenarioBuilder rush = scenario("deadline rush")
            .exec(SIGN_IN, DASHBOARD)
            .randomSwitch().on(
                    percent(READ_SHARE * 100).then(READ),
                    percent(100 - READ_SHARE * 100).then(exec(OPEN_APPLICATION, FILL, FINISH)));

    /** The ceiling: signed in once, then one-row writes back to back for the phase. */
    ScenarioBuilder ceiling = scenario("ceiling")
            .exec(SIGN_IN, DASHBOARD)
            .during(Duration.ofSeconds(CAPACITY_SECONDS)).on(
                    exec(http("ceiling ping").post("/bench/ping").header("X-CSRF-TOKEN", "#{csrf}").check(status().is(204))));

    /** Autosave capacity: the same, saving the narrative (into the leader's draft) back to back. */
    ScenarioBuilder autosaveCapacity = scenario("autosave capacity")
            .exec(SIGN_IN, DASHBOARD, OPEN_APPLICATION).exitHereIfFailed()
            .during(Duration.ofSeconds(CAPACITY_SECONDS)).on(
                    exec(http("capacity save").post("/applications/#{id}/sections/narrative")
                            .header("HX-Request", "true").header("X-CSRF-TOKEN", "#{csrf}")
                            .formParam("version", "#{version}").formParam("objectives", "目标").formParam("plan", "方案")
                            .check(status().is(200)).check(css("input.version-input", "value").saveAs("version"))));

    {
        // Phases one after the other on the same server: ceiling, autosave capacity, then the rush.
        PopulationBuilder rushPopulation = rush.injectClosed(
                rampConcurrentUsers(0).to(USERS).during(Duration.ofSeconds(RAMP)),
                constantConcurrentUsers(USERS).during(Duration.ofSeconds(HOLD)));
        setUp(ceiling.injectOpen(atOnceUsers(CAPACITY_USERS))
                .andThen(autosaveCapacity.injectOpen(atOnceUsers(CAPACITY_USERS))
                        .andThen(rushPopulation)))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}
