package org.silkgrant.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.silkgrant.MutableClock;
import org.silkgrant.SilkGrantTest;
import org.silkgrant.account.AccountManagement;
import org.silkgrant.account.AccountView;
import org.silkgrant.account.NewAccount;
import org.silkgrant.account.Role;
import org.silkgrant.call.CallManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.ObjectMapper;

/**
 * A leader whose application is still a draft is reminded once 72 hours and once 24 hours before the submission
 * deadline, however often the reminder job runs.
 */
@SilkGrantTest
@DirtiesContext
class ReminderTests {

    private static final String PASSWORD = SilkGrantTest.DEMO_PASSWORD;
    private static final Smtp SMTP = new Smtp();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        SMTP.register(registry);
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
    ObjectMapper json;

    @Autowired
    AccountManagement accounts;

    @Autowired
    CallManagement calls;

    @Autowired
    Reminders reminders;

    @Autowired
    Inbox inbox;

    @Autowired
    MutableClock clock;

    private void moveTo(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
    }

    private List<Inbox.InboxNotice> remindersOf(AccountView leader) {
        return inbox.of(leader.id(), 0, 100).getContent().stream().filter(n -> n.kind().equals("REMINDER_DRAFT")).toList();
    }

    @Test
    void aDraftIsRemindedOnceAtEachHourMarkHoweverOftenTheJobRuns() throws Exception {
        Long uni = accounts.findByUsername("uni-admin").orElseThrow().organizationId();
        String username = "drafter-" + System.nanoTime() % 1_000_000;
        AccountView leader = accounts.create(new NewAccount(username, PASSWORD, "Draft Leader", username + "@mail.test",
                null, uni, Set.of(Role.APPLICANT), null), "test", null);
        accounts.chooseLanguage(leader.id(), "en");
        String body = mvc.perform(post("/api/v1/applications").with(httpBasic(username, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"callCode\":\"2023-SCO\",\"title\":\"Unsubmitted draft\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long applicationId = json.readTree(body).get("id").asLong();
        Instant deadline = calls.get("2023-SCO").submissionDeadline();

        moveTo(deadline.minus(Duration.ofHours(80)));
        reminders.sendDue();
        assertThat(remindersOf(leader)).as("80 hours before").isEmpty();

        moveTo(deadline.minus(Duration.ofHours(71)));
        reminders.sendDue();
        reminders.sendDue();
        assertThat(remindersOf(leader)).singleElement().satisfies(n -> {
            assertThat(n.arguments()[5]).isEqualTo("72");
            assertThat(n.applicationId()).isEqualTo(applicationId);
        });

        moveTo(deadline.minus(Duration.ofHours(23)));
        reminders.sendDue();
        reminders.sendDue();
        moveTo(deadline.minus(Duration.ofHours(2)));
        reminders.sendDue();
        reminders.run();
        assertThat(remindersOf(leader)).extracting(n -> n.arguments()[5]).containsExactly("24", "72");

        await().atMost(Duration.ofSeconds(20)).until(() -> SMTP.to(leader.email(), "Unsubmitted draft").size() >= 2);
        assertThat(SMTP.to(leader.email(), "Unsubmitted draft")).extracting(Smtp::subject).containsExactlyInAnyOrder(
                "Reminder: application \"Unsubmitted draft\" is not submitted yet; the deadline "
                        + Audience.deadline(deadline) + " is less than 72 hours away",
                "Reminder: application \"Unsubmitted draft\" is not submitted yet; the deadline "
                        + Audience.deadline(deadline) + " is less than 24 hours away");

        moveTo(deadline.plus(Duration.ofHours(1)));
        reminders.sendDue();
        assertThat(remindersOf(leader)).as("nothing after the deadline").hasSize(2);
    }

    @Test
    void theHourMarkDueIsTheSmallestWindowTheDeadlineHasEntered() {
        Instant deadline = Instant.parse("2026-06-30T10:00:00Z");
        List<Integer> marks = List.of(72, 24);

        assertThat(Reminders.markDue(marks, deadline, deadline.minus(Duration.ofHours(73)))).isEmpty();
        assertThat(Reminders.markDue(marks, deadline, deadline.minus(Duration.ofHours(72)))).contains(72);
        assertThat(Reminders.markDue(marks, deadline, deadline.minus(Duration.ofHours(25)))).contains(72);
        assertThat(Reminders.markDue(marks, deadline, deadline.minus(Duration.ofMinutes(1)))).contains(24);
        assertThat(Reminders.markDue(marks, deadline, deadline)).isEmpty();
    }
}
