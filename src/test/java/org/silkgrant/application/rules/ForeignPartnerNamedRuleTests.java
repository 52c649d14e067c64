package org.silkgrant.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkgrant.application.ApplicationFixture.complete;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.silkgrant.application.ApplicationContent.Partner;
import org.silkgrant.application.ApplicationContent.Person;
import org.silkgrant.application.ApplicationFixture;

class ForeignPartnerNamedRuleTests {

    private final ForeignPartnerNamedRule rule = new ForeignPartnerNamedRule();

    private static final Person PERSON = new Person("Айгерим Ахметова", "заведующая лабораторией", "координатор", null);

    @Test
    void passesForAPartnerWithCountryNameAddressAndANamedPerson() {
        RuleOutcome outcome = complete().check(rule);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.messageKey()).isEqualTo("rule.FOREIGN_PARTNER_NAMED.passed");
    }

    @Test
    void failsWithoutPartners() {
        ApplicationFixture none = complete().partners();
        ApplicationFixture notFilledIn = complete();
        notFilledIn.partners = null;

        assertThat(none.check(rule).messageKey()).isEqualTo("rule.FOREIGN_PARTNER_NAMED.noPartner");
        assertThat(notFilledIn.check(rule).messageKey()).isEqualTo("rule.FOREIGN_PARTNER_NAMED.noPartner");
        assertThat(none.check(rule).section()).isEqualTo("partners");
    }

    @Test
    void failsForAPartnerWithoutAnAddress() {
        RuleOutcome outcome = complete().partners(new Partner("KZ", "KZ-75", "Satbayev University", " ", List.of(PERSON)))
                .check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.FOREIGN_PARTNER_NAMED.partnerDetailsMissing");
        assertThat(outcome.arguments()).containsExactly(1);
    }

    @Test
    void failsForAPartnerInChina() {
        RuleOutcome outcome = complete().partners(new Partner("CN", "CN-XJ", "新疆农业大学", "乌鲁木齐市", List.of(PERSON)))
                .check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.FOREIGN_PARTNER_NAMED.partnerNotForeign");
    }

    @Test
    void failsForAPartnerWhosePersonHasNoPosition() {
        Person unnamed = new Person("Айгерим Ахметова", null, "координатор", null);

        RuleOutcome outcome = complete()
                .partners(new Partner("KZ", "KZ-75", "Satbayev University", "Satbayev St 22, Almaty", List.of(unnamed)))
                .check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.FOREIGN_PARTNER_NAMED.personMissing");
    }

    @Test
    void failsForAPartnerWithoutPeople() {
        RuleOutcome outcome = complete()
                .partners(new Partner("KZ", "KZ-75", "Satbayev University", "Satbayev St 22, Almaty", null)).check(rule);

        assertThat(outcome.messageKey()).isEqualTo("rule.FOREIGN_PARTNER_NAMED.personMissing");
    }

    @Test
    void passesWhenOnePartnerOfSeveralIsComplete() {
        RuleOutcome outcome = complete()
                .partners(new Partner("KZ", null, null, null, List.of()), ApplicationFixture.altaiStateUniversity("RU", "RU-ALT"))
                .check(rule);

        assertThat(outcome.passed()).isTrue();
    }
}
