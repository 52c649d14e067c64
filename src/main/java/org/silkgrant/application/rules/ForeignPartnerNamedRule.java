package org.silkgrant.application.rules;

import static org.silkgrant.application.rules.RuleOutcome.PARTNERS;
import static org.silkgrant.application.rules.Values.blank;

import java.util.List;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.ApplicationContent.Partner;
import org.silkgrant.application.ApplicationContent.Person;
import org.silkgrant.application.RuleContext;
import org.silkgrant.call.CallDefinition;

/** C2, R3: at least one foreign partner with country, name and address, and a named person (name, position, role). */
final class ForeignPartnerNamedRule implements EligibilityRule {

    static final String ID = "FOREIGN_PARTNER_NAMED";

    /** The applicant's own country: a partner there is not a foreign partner. */
    private static final String HOME_COUNTRY = "CN";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context) {
        List<Partner> partners = content.partners() == null ? List.of() : content.partners().partners();
        if (partners.isEmpty()) {
            return RuleOutcome.fail(ID, "noPartner", PARTNERS);
        }
        if (partners.stream().anyMatch(p -> described(p) && foreign(p) && hasNamedPerson(p))) {
            return RuleOutcome.pass(ID);
        }
        // None qualifies: say what the first partner lacks, which is what the applicant most likely meant to complete.
        Partner first = partners.get(0);
        if (!described(first)) {
            return RuleOutcome.fail(ID, "partnerDetailsMissing", PARTNERS, 1);
        }
        if (!foreign(first)) {
            return RuleOutcome.fail(ID, "partnerNotForeign", PARTNERS, 1);
        }
        return RuleOutcome.fail(ID, "personMissing", PARTNERS, 1);
    }

    private static boolean described(Partner partner) {
        return !blank(partner.country()) && !blank(partner.name()) && !blank(partner.address());
    }

    private static boolean foreign(Partner partner) {
        return !HOME_COUNTRY.equalsIgnoreCase(partner.country().strip());
    }

    private static boolean hasNamedPerson(Partner partner) {
        return partner.people().stream().anyMatch(ForeignPartnerNamedRule::named);
    }

    private static boolean named(Person person) {
        return !blank(person.fullName()) && !blank(person.position()) && !blank(person.role());
    }
}
