package org.silkgrant.review;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.silkgrant.review.assignment.Certainty;
import org.silkgrant.review.assignment.ConflictReason;

/**
 * The program officer's dismissal of a possible conflict of interest of one (application, expert) pair, with the
 * possible reasons it covers and why (V22). Withdrawn, it stays as a record and the pair is excluded again.
 */
@Entity
@Table(name = "review_conflict_dismissal")
class ConflictDismissal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_code", nullable = false, length = 40)
    private String callCode;

    @Column(name = "application_id", nullable = false)
    private Long applicationId;

    @Column(name = "expert_id", nullable = false)
    private Long expertId;

    @Column(nullable = false, length = 400)
    private String reasons;

    @Column(nullable = false, length = 500)
    private String reason;

    @Column(name = "dismissed_at", nullable = false)
    private Instant dismissedAt;

    @Column(name = "dismissed_by", nullable = false, length = 64)
    private String dismissedBy;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawn_by", length = 64)
    private String withdrawnBy;

    @Version
    private long version;

    protected ConflictDismissal() {
    }

    ConflictDismissal(String callCode, Long applicationId, Long expertId, Set<ConflictReason> covered, String reason,
            Instant dismissedAt, String dismissedBy) {
        if (covered.isEmpty() || covered.stream().anyMatch(r -> r.certainty() != Certainty.POSSIBLE)) {
            throw new IllegalArgumentException("only possible reasons are dismissed: " + covered);
        }
        this.callCode = callCode;
        this.applicationId = applicationId;
        this.expertId = expertId;
        this.reasons = covered.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        this.reason = reason;
        this.dismissedAt = dismissedAt;
        this.dismissedBy = dismissedBy;
    }

    void withdraw(Instant at, String by) {
        if (withdrawnAt != null) {
            throw new IllegalStateException("dismissal " + id + " is already withdrawn");
        }
        withdrawnAt = at;
        withdrawnBy = by;
    }

    boolean active() {
        return withdrawnAt == null;
    }

    /** The possible reasons the dismissal covers (codes no longer known are left out). */
    Set<ConflictReason> covered() {
        Set<String> known = Arrays.stream(ConflictReason.values()).map(Enum::name).collect(Collectors.toSet());
        EnumSet<ConflictReason> out = EnumSet.noneOf(ConflictReason.class);
        for (String code : reasons.split(",")) {
            if (known.contains(code.strip())) {
                out.add(ConflictReason.valueOf(code.strip()));
            }
        }
        return out;
    }

    Long id() {
        return id;
    }

    String callCode() {
        return callCode;
    }

    Long applicationId() {
        return applicationId;
    }

    Long expertId() {
        return expertId;
    }

    String reason() {
        return reason;
    }

    Instant dismissedAt() {
        return dismissedAt;
    }

    String dismissedBy() {
        return dismissedBy;
    }

    Instant withdrawnAt() {
        return withdrawnAt;
    }

    String withdrawnBy() {
        return withdrawnBy;
    }
}
