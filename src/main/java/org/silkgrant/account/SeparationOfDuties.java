package org.silkgrant.account;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Separation of duties as a table: which roles one account may hold together. Every path that gives roles (staff
 * creation, the security admin's role changes, expert creation, registration, the demo seed, the first-start
 * bootstrap) goes through {@link AccountManagement}, which refuses any pair this table does not allow.
 * docs/security.md shows the same table; {@code SeparationOfDutiesTests} fails when the two disagree.
 */
public final class SeparationOfDuties {

    /**
     * One row: the roles this role may share an account with (besides itself) and why the others are refused.
     * The reason is for the documentation, not for a user's screen.
     */
    public record Row(Role role, Set<Role> allowedWith, String reason) {

        public Row {
            allowedWith = allowedWith.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Role.class))
                    : Collections.unmodifiableSet(EnumSet.copyOf(allowedWith));
        }
    }

    /** Two roles one account may not hold together, in the order of {@link Role}. */
    public record Conflict(Role first, Role second) {
    }

    private static final Set<Role> NONE = EnumSet.noneOf(Role.class);

    /** The table, one row per role in the order of {@link Role}. */
    public static final List<Row> TABLE = List.of(
            new Row(Role.APPLICANT, NONE, "The organisation admin signs off the leader's application (单位审核): a leader "
                    + "who also held ORG_ADMIN would sign off their own. The office, expert and admin roles belong to no "
                    + "organisation."),
            new Row(Role.ORG_ADMIN, NONE, "Signs off its organisation's applications and manages its people: with "
                    + "APPLICANT the sign-off would be self-approval; with any office, expert or admin role one "
                    + "organisation's person would act for the office on its own organisation."),
            new Row(Role.RECOMMENDER, NONE, "Recommends the applications of its department's organisations: must not "
                    + "also write them, score them (EXPERT), decide on them (PROGRAM_OFFICER) or administer accounts "
                    + "and the record."),
            new Row(Role.PROGRAM_OFFICER, NONE, "Verifies organisations, runs the formal review, assigns experts and "
                    + "decides: must not also score (EXPERT), recommend, apply, audit its own acts (AUDIT_ADMIN) or "
                    + "give itself accounts and roles (SYSTEM_ADMIN, SECURITY_ADMIN)."),
            new Row(Role.EXPERT, NONE, "Scores the applications assigned to it, independently: must not also decide "
                    + "on them (PROGRAM_OFFICER), recommend them, write them or administer; an expert's own "
                    + "organisation is kept away by the conflict-of-interest check, not by a second role."),
            new Row(Role.PARTNER_CONTACT, NONE, "A foreign partner institution's contact, invited per application: "
                    + "outside both the office and the applicant organisation, never holding their roles."),
            new Row(Role.SYSTEM_ADMIN, NONE, "One of the three separated admin duties (MLPS 2.0 三权分立): creates "
                    + "accounts; must not also set roles (SECURITY_ADMIN), read the audit record (AUDIT_ADMIN) or use "
                    + "a business role it could create for itself."),
            new Row(Role.SECURITY_ADMIN, NONE, "Sets roles and unlocks accounts: with any other role one person could "
                    + "grant themselves what they use, or undo the lock on their own misuse."),
            new Row(Role.AUDIT_ADMIN, NONE, "Reads the record of everyone's acts, the other admins' and the office's "
                    + "included: holds no other role, so it has no act of its own to judge."));

    private static final Map<Role, Row> ROWS = new EnumMap<>(Role.class);

    static {
        for (Row row : TABLE) {
            ROWS.put(row.role(), row);
        }
        if (ROWS.size() != Role.values().length) {
            throw new IllegalStateException("separation of duties: every role needs its row");
        }
        for (Row row : TABLE) {
            for (Role other : row.allowedWith()) {
                if (!ROWS.get(other).allowedWith().contains(row.role())) {
                    throw new IllegalStateException("separation of duties is not symmetric: " + row.role() + "/" + other);
                }
            }
        }
    }

    private SeparationOfDuties() {
    }

    /** The row of one role. */
    public static Row row(Role role) {
        return ROWS.get(role);
    }

    /** Whether one account may hold both roles; a role goes with itself. */
    public static boolean allowedTogether(Role a, Role b) {
        return a == b || ROWS.get(a).allowedWith().contains(b);
    }

    /** Every pair of the given roles that one account may not hold together; empty when the set is allowed. */
    public static List<Conflict> conflicts(Set<Role> roles) {
        List<Role> sorted = roles.stream().sorted().toList();
        List<Conflict> conflicts = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                if (!allowedTogether(sorted.get(i), sorted.get(j))) {
                    conflicts.add(new Conflict(sorted.get(i), sorted.get(j)));
                }
            }
        }
        return conflicts;
    }
}
