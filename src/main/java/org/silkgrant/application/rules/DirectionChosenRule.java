package org.silkgrant.application.rules;

import static org.silkgrant.application.rules.RuleOutcome.BASICS;
import static org.silkgrant.application.rules.RuleOutcome.PARTNERS;
import static org.silkgrant.application.rules.Values.blank;

import java.util.List;
import java.util.Optional;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.ApplicationContent.Basics;
import org.silkgrant.application.ApplicationContent.Partner;
import org.silkgrant.application.RuleContext;
import org.silkgrant.call.CallDefinition;
import org.silkgrant.call.CallDefinition.Category;
import org.silkgrant.call.CallDefinition.Item;
import org.silkgrant.call.CallDefinition.Need;
import org.silkgrant.call.CallDefinition.PortPark;
import org.silkgrant.call.CallDefinition.Scope;

/**
 * §1: a category and one of its scopes are chosen, and the application gives what the scope needs (a field, a
 * platform type, a partner in a listed Altai region, a port park, an earlier project); codes come from the call.
 */
final class DirectionChosenRule implements EligibilityRule {

    static final String ID = "DIRECTION_CHOSEN";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context) {
        Basics basics = content.basics();
        if (basics == null || blank(basics.category())) {
            return RuleOutcome.fail(ID, "categoryMissing", BASICS);
        }
        String categoryCode = basics.category().strip();
        Optional<Category> category = call.categories().stream().filter(c -> c.code().equals(categoryCode)).findFirst();
        if (category.isEmpty()) {
            return RuleOutcome.fail(ID, "categoryUnknown", BASICS, categoryCode);
        }
        if (blank(basics.scope())) {
            return RuleOutcome.fail(ID, "scopeMissing", BASICS, categoryCode);
        }
        String scopeCode = basics.scope().strip();
        Optional<Scope> scope = category.get().scopes().stream().filter(s -> s.code().equals(scopeCode)).findFirst();
        if (scope.isEmpty()) {
            return RuleOutcome.fail(ID, "scopeNotInCategory", BASICS, scopeCode, categoryCode);
        }
        for (Need need : scope.get().needs()) {
            Optional<RuleOutcome> failure = given(need, true, content, call, scopeCode);
            if (failure.isPresent()) {
                return failure.get();
            }
        }
        // What a scope only offers (G1's platform type) may be left out, but when given it must be a code of the call.
        for (Need offer : scope.get().offers()) {
            Optional<RuleOutcome> failure = given(offer, false, content, call, scopeCode);
            if (failure.isPresent()) {
                return failure.get();
            }
        }
        return RuleOutcome.pass(ID, "passed", scopeCode);
    }

    private Optional<RuleOutcome> given(Need need, boolean required, ApplicationContent content, CallDefinition call,
            String scope) {
        Basics basics = content.basics();
        return switch (need) {
            case FIELD -> coded("field", basics.field(), call.fields().stream().map(Item::code).toList(), required, scope);
            case PLATFORM_TYPE -> coded("platformType", basics.platformType(),
                    call.platformTypes().stream().map(Item::code).toList(), required, scope);
            case PORT_PARK -> coded("portPark", basics.portPark(),
                    call.portParks().stream().map(PortPark::code).toList(), required, scope);
            case PREVIOUS_PROJECT -> required && blank(basics.previousProjectNumber())
                    ? Optional.of(RuleOutcome.fail(ID, "previousProjectMissing", BASICS, scope))
                    : Optional.empty();
            case ALTAI_PARTNER -> required && !hasAltaiPartner(content, call)
                    ? Optional.of(RuleOutcome.fail(ID, "altaiPartnerMissing", PARTNERS, scope))
                    : Optional.empty();
        };
    }

    private Optional<RuleOutcome> coded(String what, String value, List<String> codes, boolean required, String scope) {
        if (blank(value)) {
            return required ? Optional.of(RuleOutcome.fail(ID, what + "Missing", BASICS, scope)) : Optional.empty();
        }
        if (!codes.contains(value.strip())) {
            return Optional.of(RuleOutcome.fail(ID, what + "Unknown", BASICS, scope, value.strip()));
        }
        return Optional.empty();
    }

    /** A partner located in a listed Altai region of its own country, by current or former ISO 3166-2 code. */
    private boolean hasAltaiPartner(ApplicationContent content, CallDefinition call) {
        if (content.partners() == null) {
            return false;
        }
        for (Partner partner : content.partners().partners()) {
            if (blank(partner.country()) || blank(partner.regionCode())) {
                continue;
            }
            String country = partner.country().strip();
            String region = partner.regionCode().strip();
            if (call.altaiRegions().stream().anyMatch(r -> r.country().equalsIgnoreCase(country) && r.matches(region))) {
                return true;
            }
        }
        return false;
    }
}
