package org.silkgrant.application.rules;

import static org.silkgrant.application.rules.RuleOutcome.TEAM;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

import org.silkgrant.application.ApplicationContent;
import org.silkgrant.application.ApplicationContent.Member;
import org.silkgrant.application.ApplicationContent.MemberRole;
import org.silkgrant.application.RuleContext;
import org.silkgrant.call.CallDefinition;

/**
 * R3 and form practice: the team lists exactly one 项目负责人 and it is the account holder who submits, by the name on
 * the account, so the cover (which prints the account holder) and the team table can never disagree. Names are
 * compared after {@link #normalized normalisation}: what differs only in width, in surrounding, doubled or
 * between-Chinese-characters spaces, or in the kind of middle dot is the same name.
 */
final class LeaderIsApplicantRule implements EligibilityRule {

    static final String ID = "LEADER_IS_APPLICANT";

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** A space between two Chinese characters carries nothing ("王 明" is 王明); between Latin words it does. */
    private static final Pattern SPACE_IN_HAN = Pattern.compile("(?<=\\p{IsHan}) (?=\\p{IsHan})");
    /** The dots written between the parts of a Uyghur, Kazakh or foreign name in Chinese: ·・‧•∙ and the hyphenation point. */
    private static final Pattern MIDDLE_DOTS = Pattern.compile("[\\u00B7\\u30FB\\u2027\\u2022\\u2219\\u22C5\\u0387\\u16EB\\u2E31]");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleOutcome check(ApplicationContent content, CallDefinition call, RuleContext context) {
        String holder = context.accountHolder() == null || context.accountHolder().isBlank() ? "—"
                : context.accountHolder().strip();
        List<Member> leaders = content.team() == null ? List.of()
                : content.team().members().stream().filter(m -> m.role() == MemberRole.LEADER).toList();
        if (leaders.isEmpty()) {
            return RuleOutcome.fail(ID, "noLeader", TEAM, holder);
        }
        if (leaders.size() > 1) {
            String names = String.join("、", leaders.stream().map(m -> shown(m.fullName())).toList());
            return RuleOutcome.fail(ID, "severalLeaders", TEAM, leaders.size(), names, holder);
        }
        String leader = leaders.get(0).fullName();
        if (leader == null || leader.isBlank()) {
            return RuleOutcome.fail(ID, "leaderNameMissing", TEAM, holder);
        }
        if (!normalized(leader).equals(normalized(context.accountHolder()))) {
            return RuleOutcome.fail(ID, "notAccountHolder", TEAM, leader.strip(), holder);
        }
        return RuleOutcome.pass(ID, "passed", leader.strip());
    }

    /**
     * A name as compared: Unicode NFKC (full-width letters, digits and the ideographic space become their ordinary
     * forms), every middle-dot variant as "·", runs of spaces as one, no spaces at either end, around a dot or between
     * two Chinese characters.
     * Letter case is kept: the account's spelling is the one that counts.
     */
    static String normalized(String name) {
        if (name == null) {
            return "";
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC);
        n = MIDDLE_DOTS.matcher(n).replaceAll("\u00B7");
        n = SPACES.matcher(n).replaceAll(" ").strip();
        n = SPACE_IN_HAN.matcher(n).replaceAll("");
        return n.replace(" \u00B7", "\u00B7").replace("\u00B7 ", "\u00B7");
    }

    private static String shown(String name) {
        return name == null || name.isBlank() ? "—" : name.strip();
    }
}
