package org.silkgrant.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.internet.MimeMessage;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.silkgrant.MutableClock;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.account.NewAccount;
import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.Action;
import org.silkgrant.application.ApplicationStatus;
import org.silkgrant.application.ApplicationTransitioned;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transition reaches the people concerned — in their inbox, and by mail through a real SMTP server in the
 * language each of them chose — only once its transaction commits; a send that fails is retried by the
 * resubmission job; each person sees only their own inbox.
 */
@SilkGrantTest
@DirtiesContext
class NotificationTests {

    private static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;
    private static final Smtp SMTP = new Smtp();
    private static final AtomicLong APPLICATION_IDS = new AtomicLong(900_000);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        SMTP.register(registry);
        registry.add("silkgrant.mail.base-url", () -> "https://silkgrant.test");
        registry.add("silkgrant.mail.from", () -> "office@silkgrant.test");
        // The jobs run only when a test says so.
        registry.add("silkgrant.notification.reminder-cron", () -> "-");
        registry.add("silkgrant.notification.retry-interval", () -> "PT24H");
    }

    @TestConfiguration
    static class MovableTime {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Inbox inbox;

    @Autowired
    PublicationRetry retry;

    @Autowired
    MutableClock clock;

    /** A person with an address under mail.test and the mail language given. */
    private AccountView person(String prefix, Long organizationId, Role role, String language) {
        String username = prefix + "-" + System.nanoTime() % 10_000_000;
        AccountView account = accounts.create(new NewAccount(username, PASSWORD, "Name " + username,
                username + "@mail.test", null, organizationId, Set.of(role), null), "test", null);
        accounts.chooseLanguage(account.id(), language);
        return account;
    }

    private Long uni() {
        return accounts.findByUsername("uni-admin").orElseThrow().organizationId();
    }

    private ApplicationTransitioned transition(long applicationId, String title, AccountView leader, String department,
            Action action, ApplicationStatus from, ApplicationStatus to, String actor, String actorRole, String comment,
            Map<String, String> sectionComments) {
        return new ApplicationTransitioned(applicationId, "2023-SCO", title, leader.organizationId(), leader.id(),
                department, action, from, to, actor, "Actor " + actor, actorRole, comment, sectionComments, 1,
                "SCO2023-000" + applicationId, null, clock.instant(), "127.0.0.1");
    }

    private void publishCommitted(Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
    }

    private MimeMessage onlyMail(AccountView to, String containing) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !SMTP.to(to.email(), containing).isEmpty());
        List<MimeMessage> mails = SMTP.to(to.email(), containing);
        assertThat(mails).as("mail to %s", to.username()).hasSize(1);
        return mails.get(0);
    }

    private List<Inbox.InboxNotice> noticesOf(AccountView person, long applicationId) {
        return inbox.of(person.id(), 0, 100).getContent().stream()
                .filter(n -> Long.valueOf(applicationId).equals(n.applicationId())).toList();
    }

    @Test
    void anApprovalReachesTheLeaderAndTheDepartmentsRecommendersEachInTheirLanguage() throws Exception {
        AccountView leader = person("leader", uni(), Role.APPLICANT, "en");
        AccountView recommender = person("recommender", null, Role.RECOMMENDER, "ru");
        accounts.assignDepartment(recommender.id(), "650100", "test", null);
        AccountView otherDepartment = person("recommender", null, Role.RECOMMENDER, "en");
        accounts.assignDepartment(otherDepartment.id(), "650200", "test", null);
        AccountView admin = accounts.findByUsername("uni-admin").orElseThrow();
        long id = APPLICATION_IDS.incrementAndGet();
        String title = "Altai medicinal plants " + id;

        publishCommitted(transition(id, title, leader, "650100", Action.APPROVE, ApplicationStatus.SUBMITTED,
                ApplicationStatus.ORG_APPROVED, "uni-admin", "ORG_ADMIN", "Well prepared", Map.of()));

        MimeMessage toLeader = onlyMail(leader, title);
        assertThat(Smtp.subject(toLeader)).isEqualTo("Application \"" + title + "\" was approved by your organisation (Actor uni-admin)");
        assertThat(Smtp.body(toLeader)).contains("Dear " + leader.fullName(), "Well prepared",
                "https://silkgrant.test/applications/" + id);
        assertThat(toLeader.getFrom()[0].toString()).isEqualTo("office@silkgrant.test");
        MimeMessage toRecommender = onlyMail(recommender, title);
        assertThat(Smtp.subject(toRecommender)).startsWith("Заявка «" + title + "» согласована организацией");
        assertThat(Smtp.body(toRecommender)).contains("Здравствуйте", "Well prepared");
        MimeMessage toDemoRecommender = onlyMail(accounts.findByUsername("recommender").orElseThrow(), title);
        assertThat(Smtp.subject(toDemoRecommender)).startsWith("申报书“" + title + "”已通过申报单位审核");

        assertThat(noticesOf(leader, id)).singleElement().satisfies(n -> assertThat(n.kind()).isEqualTo("APPROVE"));
        assertThat(noticesOf(recommender, id)).singleElement().satisfies(n -> assertThat(n.kind()).isEqualTo("APPROVE_QUEUE"));
        assertThat(SMTP.to(otherDepartment.email(), title)).as("another department's recommender").isEmpty();
        assertThat(SMTP.to(admin.email(), title)).as("the admin who approved").isEmpty();
        assertThat(noticesOf(admin, id)).as("the admin who approved").isEmpty();
    }

    @Test
    void aReturnTellsTheLeaderTheCommentAndTheCommentsPerSection() throws Exception {
        AccountView leader = person("leader", uni(), Role.APPLICANT, "ru");
        long id = APPLICATION_IDS.incrementAndGet();
        String title = "Совместный мониторинг " + id;

        publishCommitted(transition(id, title, leader, null, Action.RETURN, ApplicationStatus.ORG_APPROVED,
                ApplicationStatus.RETURNED, "officer", "PROGRAM_OFFICER", "Уточните бюджет",
                Map.of("budget", "Смета не сходится")));

        MimeMessage mail = onlyMail(leader, title);
        assertThat(Smtp.subject(mail)).isEqualTo("Заявка «" + title + "» возвращена на доработку (Actor officer)");
        assertThat(Smtp.body(mail)).contains("Уточните бюджет", "Смета не сходится", "Замечания по разделам",
                "https://silkgrant.test/applications/" + id);
        assertThat(noticesOf(leader, id)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("RETURN");
            assertThat(n.comment()).isEqualTo("Уточните бюджет");
            assertThat(n.read()).isFalse();
        });
        AccountView admin = accounts.findByUsername("uni-admin").orElseThrow();
        assertThat(noticesOf(admin, id)).as("a return concerns the leader alone").isEmpty();
    }

    /** The one act its actor is told about: the leader's own submission, with the receipt number. */
    @Test
    void aSubmissionSendsTheLeaderTheReceiptAndTellsTheOrganisationsAdmins() throws Exception {
        AccountView leader = person("leader", uni(), Role.APPLICANT, "zh-CN");
        long id = APPLICATION_IDS.incrementAndGet();
        String title = "阿尔泰生态监测 " + id;

        publishCommitted(transition(id, title, leader, "650100", Action.SUBMIT, ApplicationStatus.DRAFT,
                ApplicationStatus.SUBMITTED, leader.username(), "APPLICANT", null, Map.of()));

        assertThat(Smtp.subject(onlyMail(leader, title)))
                .isEqualTo("申报书“" + title + "”已提交，回执编号 SCO2023-000" + id);
        assertThat(noticesOf(leader, id)).singleElement()
                .satisfies(n -> assertThat(n.kind()).isEqualTo("SUBMIT_RECEIPT"));
        AccountView admin = accounts.findByUsername("uni-admin").orElseThrow();
        assertThat(Smtp.subject(onlyMail(admin, title))).contains("等待本单位审核");
        assertThat(noticesOf(admin, id)).singleElement().satisfies(n -> assertThat(n.kind()).isEqualTo("SUBMITTED"));
    }

    @Test
    void anAcceptanceReachesTheLeaderAndTheOrganisationsAdmins() throws Exception {
        AccountView leader = person("leader", uni(), Role.APPLICANT, "zh-CN");
        AccountView secondAdmin = person("admin", uni(), Role.ORG_ADMIN, "en");
        long id = APPLICATION_IDS.incrementAndGet();
        String title = "阿尔泰药用植物联合研究 " + id;

        publishCommitted(transition(id, title, leader, "650100", Action.ACCEPT, ApplicationStatus.RECOMMENDED,
                ApplicationStatus.ACCEPTED, "officer", "PROGRAM_OFFICER", null, Map.of()));

        assertThat(Smtp.subject(onlyMail(leader, title))).isEqualTo("申报书“" + title + "”已通过形式审查，正式受理");
        assertThat(Smtp.subject(onlyMail(secondAdmin, title)))
                .isEqualTo("Application \"" + title + "\" passed the formal review and is accepted");
        assertThat(Smtp.subject(onlyMail(accounts.findByUsername("uni-admin").orElseThrow(), title))).contains("正式受理");
        assertThat(SMTP.to("officer@demo.silkgrant.org", title)).as("the officer who acted").isEmpty();
    }

    @Test
    void nothingIsSentForATransitionThatRollsBack() {
        AccountView leader = person("leader", uni(), Role.APPLICANT, "en");
        long id = APPLICATION_IDS.incrementAndGet();
        String title = "Rolled back " + id;

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(transition(id, title, leader, null, Action.RETURN, ApplicationStatus.SUBMITTED,
                    ApplicationStatus.RETURNED, "uni-admin", "ORG_ADMIN", "no", Map.of()));
            status.setRollbackOnly();
        });

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                SMTP.to(leader.email(), title).isEmpty() && noticesOf(leader, id).isEmpty());
        assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
                Integer.class, "%" + title + "%")).as("publications of the rolled-back event").isZero();
    }

    @Test
    void aFailedSendIsRetriedByTheResubmissionJobAndDeliveredOnce() {
        AccountView leader = person("leader", uni(), Role.APPLICANT, "en");
        long id = APPLICATION_IDS.incrementAndGet();
        String title = "Retried " + id;
        SMTP.stop();
        try {
            publishCommitted(transition(id, title, leader, null, Action.ACCEPT, ApplicationStatus.RECOMMENDED,
                    ApplicationStatus.ACCEPTED, "officer", "PROGRAM_OFFICER", null, Map.of()));

            await().atMost(Duration.ofSeconds(20)).until(() -> failedMailPublications(leader) == 1);
            assertThat(noticesOf(leader, id)).as("the inbox does not wait for the mail").hasSize(1);
        } finally {
            SMTP.start();
        }

        clock.advance(Duration.ofMinutes(5));
        retry.resubmitOlderThan(Duration.ofMinutes(1));

        assertThat(Smtp.subject(onlyMail(leader, title))).isEqualTo("Application \"" + title + "\" passed the formal review and is accepted");
        await().atMost(Duration.ofSeconds(10)).until(() -> failedMailPublications(leader) == 0);
        assertThat(noticesOf(leader, id)).as("the retry does not write the notice again").hasSize(1);
    }

    private int failedMailPublications(AccountView recipient) {
        return jdbc.queryForObject("select count(*) from event_publication where completion_date is null "
                + "and event_type = ? and status = 'FAILED' and serialized_event like ?", Integer.class,
                Notification.class.getName(), "%\"recipientId\":" + recipient.id() + ",%");
    }

    @Test
    void theInboxApiShowsOnesOwnNoticesAndNobodyElses() throws Exception {
        AccountView leader = person("leader", uni(), Role.APPLICANT, "en");
        AccountView stranger = person("leader", uni(), Role.APPLICANT, "en");
        long id = APPLICATION_IDS.incrementAndGet();
        publishCommitted(transition(id, "Inbox " + id, leader, null, Action.REJECT, ApplicationStatus.RECOMMENDED,
                ApplicationStatus.FORMAL_REJECTED, "officer", "PROGRAM_OFFICER", "Missing agreement", Map.of()));
        await().atMost(Duration.ofSeconds(20)).until(() -> noticesOf(leader, id).size() == 1);
        Long noticeId = noticesOf(leader, id).get(0).id();

        mvc.perform(get("/api/v1/inbox").with(httpBasic(leader.username(), PASSWORD)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unread").value(1))
                .andExpect(jsonPath("$.notices[0].id").value(noticeId))
                .andExpect(jsonPath("$.notices[0].kind").value("REJECT"))
                .andExpect(jsonPath("$.notices[0].message").value("Application \"Inbox " + id + "\" did not pass the formal review"))
                .andExpect(jsonPath("$.notices[0].comment").value("Missing agreement"))
                .andExpect(jsonPath("$.notices[0].link").value("/applications/" + id));
        mvc.perform(get("/api/v1/inbox").with(httpBasic(stranger.username(), PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notices.length()").value(0));

        mvc.perform(post("/api/v1/inbox/{id}/read", noticeId).with(httpBasic(stranger.username(), PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/inbox/{id}/read", 987_654_321L).with(httpBasic(leader.username(), PASSWORD)))
                .andExpect(status().isNotFound());
        assertThat(inbox.unread(leader.id())).as("still unread after someone else tried").isEqualTo(1);

        mvc.perform(post("/api/v1/inbox/{id}/read", noticeId).with(httpBasic(leader.username(), PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readAt").isNotEmpty());
        assertThat(inbox.unread(leader.id())).isZero();
    }

    @Test
    void theInboxPageListsTheNoticesTheNavbarCountsTheUnreadAndOpeningOneLeadsToTheApplication() throws Exception {
        AccountView leader = person("leader", uni(), Role.APPLICANT, "zh-CN");
        SilkGrantUser signedIn = new SilkGrantUser(leader.id(), leader.username(), "x", leader.fullName(),
                leader.organizationId(), Set.of(Role.APPLICANT), true, false, false);
        long first = APPLICATION_IDS.incrementAndGet();
        long second = APPLICATION_IDS.incrementAndGet();
        for (long id : List.of(first, second)) {
            publishCommitted(transition(id, "页面 " + id, leader, null, Action.ACCEPT, ApplicationStatus.RECOMMENDED,
                    ApplicationStatus.ACCEPTED, "officer", "PROGRAM_OFFICER", null, Map.of()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.unread(leader.id()) == 2);

        mvc.perform(get("/inbox").with(user(signedIn)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("id=\"inbox-badge\""),
                        Matchers.containsString("页面 " + first), Matchers.containsString("页面 " + second),
                        Matchers.containsString("id=\"mark-all-read\""))));
        Long noticeId = noticesOf(leader, first).get(0).id();
        mvc.perform(get("/inbox/{id}", noticeId).with(user(signedIn)))
                .andExpect(redirectedUrl("/applications/" + first));
        assertThat(inbox.unread(leader.id())).isEqualTo(1);

        mvc.perform(post("/inbox/read").with(user(signedIn))).andExpect(status().isForbidden());
        mvc.perform(post("/inbox/read").with(user(signedIn)).with(csrf())).andExpect(redirectedUrl("/inbox"));
        assertThat(inbox.unread(leader.id())).isZero();
        mvc.perform(get("/inbox").with(user(signedIn)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"inbox-badge\""))));
    }

    @Test
    void theMailLanguageIsChosenOnTheAccountPage() throws Exception {
        AccountView leader = person("leader", uni(), Role.APPLICANT, "zh-CN");
        SilkGrantUser signedIn = new SilkGrantUser(leader.id(), leader.username(), "x", leader.fullName(),
                leader.organizationId(), Set.of(Role.APPLICANT), true, false, false);

        mvc.perform(post("/account/language").param("language", "ru").with(user(signedIn)).with(csrf()))
                .andExpect(redirectedUrl("/account"));

        assertThat(accounts.recipient(leader.id()).orElseThrow().language()).isEqualTo("ru");
        mvc.perform(get("/account").with(user(signedIn)))
                .andExpect(content().string(Matchers.containsString("selected=\"selected\">Русский")));
    }
}
