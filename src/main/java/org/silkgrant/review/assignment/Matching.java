package org.silkgrant.review.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.silkgrant.shared.CreditCode;
import org.silkgrant.shared.InvalidIdentifierException;

/**
 * The matching rules, pair by pair (docs/review.md "Certain and possible conflicts"). {@link ConflictFinder}'s hash
 * indices find exactly what these rules find; {@link Conflicts#explain} uses them to say what matched.
 *
 * <p>Two organisations: the same credit code is certain; the same normalised name (countries not differing) is
 * certain when at most one side has a code and possible when both have one and they differ (basis
 * {@link Basis#CREDIT_CODE_INVALID} when either fails GB 32100, else {@link Basis#CREDIT_CODES_DIFFER}); a shared
 * {@link OrganisationKeys} key is certain when both keys are, possible otherwise. Every rule that holds is reported.
 *
 * <p>Two people: the same identity key is certain; otherwise the same normalised name is certain when either
 * organisation is unknown or the organisations certainly match, possible when they only possibly match, and possible
 * when both identity keys are known and differ but the organisations match. The strongest single match is reported.
 */
final class Matching {

    /** A rule that held: how sure, on what basis, and the shared key for {@link Basis#SAME_REGISTRY_KEY}. */
    record Match(Certainty certainty, Basis basis, String sharedKey) {
    }

    private final OrganisationKeys registry;
    private final boolean hasRegistry;
    private final Map<Organisation, Map<String, Boolean>> keyCache = new ConcurrentHashMap<>();

    Matching(OrganisationKeys registry) {
        this.registry = registry == null ? OrganisationKeys.none() : registry;
        this.hasRegistry = registry != null && registry != OrganisationKeys.NONE;
    }

    /** Every rule by which the two organisations are (possibly) the same; empty when none holds. */
    List<Match> organisations(Organisation a, Organisation b) {
        if (a == null || b == null) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>(1);
        String codeA = Names.code(a.creditCode());
        String codeB = Names.code(b.creditCode());
        boolean bothCodes = codeA != null && codeB != null;
        if (bothCodes && codeA.equals(codeB)) {
            matches.add(new Match(Certainty.CERTAIN, Basis.SAME_CREDIT_CODE, null));
        } else {
            String name = Names.normalise(a.name());
            if (!name.isEmpty() && name.equals(Names.normalise(b.name()))
                    && countriesAgree(Names.country(a.country()), Names.country(b.country()))) {
                if (bothCodes) {
                    matches.add(new Match(Certainty.POSSIBLE,
                            valid(a.creditCode()) && valid(b.creditCode()) ? Basis.CREDIT_CODES_DIFFER
                                    : Basis.CREDIT_CODE_INVALID, null));
                } else {
                    matches.add(new Match(Certainty.CERTAIN, Basis.SAME_NAME, null));
                }
            }
        }
        if (hasRegistry) {
            Map<String, Boolean> keysB = keys(b);
            if (!keysB.isEmpty()) {
                for (Map.Entry<String, Boolean> key : keys(a).entrySet()) {
                    Boolean other = keysB.get(key.getKey());
                    if (other != null) {
                        matches.add(new Match(key.getValue() && other ? Certainty.CERTAIN : Certainty.POSSIBLE,
                                Basis.SAME_REGISTRY_KEY, key.getKey()));
                    }
                }
            }
        }
        return matches;
    }

    /** The strongest certainty of the organisation rules, null when none holds. */
    Certainty organisationCertainty(Organisation a, Organisation b) {
        Certainty best = null;
        for (Match match : organisations(a, b)) {
            if (match.certainty() == Certainty.CERTAIN) {
                return Certainty.CERTAIN;
            }
            best = Certainty.POSSIBLE;
        }
        return best;
    }

    /** The rule by which the two people are (possibly) the same, or null. */
    Match people(Person a, Person b) {
        if (a == null || b == null) {
            return null;
        }
        String keyA = Names.code(a.identityKey());
        String keyB = Names.code(b.identityKey());
        if (keyA != null && keyA.equals(keyB)) {
            return new Match(Certainty.CERTAIN, Basis.SAME_IDENTITY, null);
        }
        String name = Names.normalise(a.name());
        if (name.isEmpty() || !name.equals(Names.normalise(b.name()))) {
            return null;
        }
        return sameName(keyA, a.organisation(), keyB, b.organisation());
    }

    /** The rule for two people of the same normalised name whose identity keys are not equal. */
    Match sameName(String keyA, Organisation organisationA, String keyB, Organisation organisationB) {
        if (keyA != null && keyB != null) {
            if (organisationA == null || organisationB == null
                    || organisationCertainty(organisationA, organisationB) == null) {
                return null;
            }
            return new Match(Certainty.POSSIBLE, Basis.IDENTITY_KEYS_DIFFER, null);
        }
        if (organisationA == null || organisationB == null) {
            return new Match(Certainty.CERTAIN, Basis.SAME_NAME_ORGANISATION_UNKNOWN, null);
        }
        Certainty organisations = organisationCertainty(organisationA, organisationB);
        if (organisations == null) {
            return null;
        }
        return organisations == Certainty.CERTAIN
                ? new Match(Certainty.CERTAIN, Basis.SAME_NAME_SAME_ORGANISATION, null)
                : new Match(Certainty.POSSIBLE, Basis.SAME_NAME_ORGANISATION_POSSIBLY_SAME, null);
    }

    /** The organisation's registry keys (value → certain), asked once per distinct organisation. */
    Map<String, Boolean> keys(Organisation organisation) {
        if (!hasRegistry || organisation == null) {
            return Map.of();
        }
        return keyCache.computeIfAbsent(organisation, o -> {
            List<OrganisationKeys.Key> keys = registry.keys(o);
            if (keys == null || keys.isEmpty()) {
                return Map.of();
            }
            Map<String, Boolean> byValue = new LinkedHashMap<>();
            for (OrganisationKeys.Key key : keys) {
                byValue.merge(key.value().strip(), key.certain(), Boolean::logicalOr);
            }
            return byValue;
        });
    }

    static boolean countriesAgree(String a, String b) {
        return a == null || b == null || a.equals(b);
    }

    /** Whether the text is a unified social credit code with a correct check character (GB 32100). */
    static boolean valid(String creditCode) {
        if (creditCode == null || creditCode.isBlank()) {
            return false;
        }
        try {
            CreditCode.parse(creditCode);
            return true;
        } catch (InvalidIdentifierException e) {
            return false;
        }
    }
}
