package org.silkgrant.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The separation-of-duties table: the exclusions issue 13 requires hold whatever else changes, the table is
 * symmetric and covers every role, every pair it forbids is reported, and docs/security.md shows exactly this table.
 */
class SeparationOfDutiesTests {

    static final Path SECURITY_DOC = Path.of("docs/security.md");
    static final String BEGIN = "<!-- separation-of-duties:begin (generated from SeparationOfDuties; SeparationOfDutiesTests "
            + "checks it) -->";
    static final String END = "<!-- separation-of-duties:end -->";

    private static final Set<Role> ADMINS = Role.ADMIN_DUTIES;

    static Stream<Arguments> everyPairOfRoles() {
        List<Arguments> pairs = new ArrayList<>();
        Role[] roles = Role.values();
        for (int i = 0; i < roles.length; i++) {
            for (int j = i + 1; j < roles.length; j++) {
                pairs.add(Arguments.of(roles[i], roles[j]));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPairOfRoles")
    void aForbiddenPairIsReportedAndAnAllowedOneIsNot(Role a, Role b) {
        List<SeparationOfDuties.Conflict> conflicts = SeparationOfDuties.conflicts(EnumSet.of(a, b));
        if (SeparationOfDuties.allowedTogether(a, b)) {
            assertThat(conflicts).isEmpty();
        } else {
            assertThat(conflicts).containsExactly(new SeparationOfDuties.Conflict(a, b));
        }
        assertThat(SeparationOfDuties.allowedTogether(b, a)).as("symmetric").isEqualTo(SeparationOfDuties.allowedTogether(a, b));
    }

    @Test
    void theThreeAdminsGoWithNoOtherRole() {
        for (Role admin : ADMINS) {
            for (Role other : Role.values()) {
                if (other != admin) {
                    assertThat(SeparationOfDuties.allowedTogether(admin, other)).as(admin + " + " + other).isFalse();
                }
            }
        }
    }

    @Test
    void theProgramOfficerNeitherReviewsNorAuditsNorRecommendsNorApplies() {
        for (Role other : EnumSet.of(Role.EXPERT, Role.AUDIT_ADMIN, Role.RECOMMENDER, Role.APPLICANT, Role.ORG_ADMIN,
                Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)) {
            assertThat(SeparationOfDuties.allowedTogether(Role.PROGRAM_OFFICER, other)).as(other.name()).isFalse();
        }
    }

    @Test
    void anExpertIsNeitherAnAdminNorTheOffice() {
        for (Role other : EnumSet.of(Role.PROGRAM_OFFICER, Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)) {
            assertThat(SeparationOfDuties.allowedTogether(Role.EXPERT, other)).as(other.name()).isFalse();
        }
    }

    @Test
    void everyRoleHasOneRowWithAReason() {
        assertThat(SeparationOfDuties.TABLE).extracting(SeparationOfDuties.Row::role).containsExactly(Role.values());
        assertThat(SeparationOfDuties.TABLE).allSatisfy(row -> assertThat(row.reason()).hasSizeGreaterThan(40));
    }

    @Test
    void threeRolesReportEachForbiddenPairOnce() {
        assertThat(SeparationOfDuties.conflicts(EnumSet.of(Role.AUDIT_ADMIN, Role.PROGRAM_OFFICER, Role.EXPERT)))
                .containsExactly(new SeparationOfDuties.Conflict(Role.PROGRAM_OFFICER, Role.EXPERT),
                        new SeparationOfDuties.Conflict(Role.PROGRAM_OFFICER, Role.AUDIT_ADMIN),
                        new SeparationOfDuties.Conflict(Role.EXPERT, Role.AUDIT_ADMIN));
        assertThat(SeparationOfDuties.conflicts(Set.of(Role.EXPERT))).isEmpty();
    }

    @Test
    void docsSecurityShowsThisTable() throws IOException {
        String doc = Files.readString(SECURITY_DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/security.md holds the marker " + BEGIN).isNotNegative();
        assertThat(end).as("docs/security.md holds the marker " + END).isGreaterThan(begin);
        String shown = doc.substring(begin + BEGIN.length(), end).strip();
        assertThat(shown).as("docs/security.md's table; paste this between the markers:%n%s%n", table()).isEqualTo(table());
    }

    /** The table as docs/security.md shows it: the matrix, then each row's reason. */
    static String table() {
        StringBuilder out = new StringBuilder("| one account may hold … together with … |");
        for (Role role : Role.values()) {
            out.append(" `").append(role.name()).append("` |");
        }
        out.append("\n|---|");
        out.append("---|".repeat(Role.values().length)).append('\n');
        for (Role row : Role.values()) {
            out.append("| `").append(row.name()).append("` |");
            for (Role column : Role.values()) {
                out.append(row == column ? " — |" : SeparationOfDuties.allowedTogether(row, column) ? " ✓ |" : " ✗ |");
            }
            out.append('\n');
        }
        out.append("\n| role | may also hold | why the others are refused |\n|---|---|---|\n");
        for (SeparationOfDuties.Row row : SeparationOfDuties.TABLE) {
            out.append("| `").append(row.role().name()).append("` | ")
                    .append(row.allowedWith().isEmpty() ? "nothing else"
                            : String.join(", ", row.allowedWith().stream().map(r -> "`" + r.name() + "`").toList()))
                    .append(" | ").append(row.reason()).append(" |\n");
        }
        return out.toString().strip();
    }
}
