package org.silkgrant.application;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.silkgrant.shared.StateConflictException;

/** An application (申报书) to a call by a project leader of an organisation; its sections are stored beside it. */
@Entity
@Table(name = "application")
class Application {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_code", nullable = false, length = 40)
    private String callCode;

    @Column(name = "organization_id", nullable = false)
    private Long organizationId;

    @Column(name = "leader_id", nullable = false)
    private Long leaderId;

    @Column(nullable = false, length = 200)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ApplicationStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @Column(name = "recommending_department", length = 40)
    private String recommendingDepartment;

    /** A deadline extension the office granted to this application alone. */
    @Column(name = "extended_until")
    private Instant extendedUntil;

    /** When it was last returned for revision; the revision period counts from here. */
    @Column(name = "returned_at")
    private Instant returnedAt;

    /** When its organisation first signed it off: from then on its recommending department may read it. */
    @Column(name = "org_approved_at")
    private Instant orgApprovedAt;

    @Column(name = "submitted_versions", nullable = false)
    private int submittedVersions;

    @Column(name = "receipt_number", length = 60)
    private String receiptNumber;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(length = 40)
    private String category;

    @Column(name = "scope_code", length = 40)
    private String scopeCode;

    @Column(name = "field_code", length = 40)
    private String fieldCode;

    /** ISO codes of the partner countries, comma-separated. */
    @Column(name = "partner_countries", length = 300)
    private String partnerCountries;

    @Column(precision = 14, scale = 4)
    private java.math.BigDecimal fiscal;

    @Column(name = "self_raised", precision = 14, scale = 4)
    private java.math.BigDecimal selfRaised;

    @Column(name = "organization_name", length = 200)
    private String organizationName;

    @Column(name = "organization_type", length = 40)
    private String organizationType;

    @Column(name = "leader_name", length = 100)
    private String leaderName;

    protected Application() {
    }

    Application(String callCode, Long organizationId, Long leaderId, String title, Instant now, String organizationName,
            String organizationType, String leaderName) {
        this.organizationName = organizationName;
        this.organizationType = organizationType;
        this.leaderName = leaderName;
        this.callCode = callCode;
        this.organizationId = organizationId;
        this.leaderId = leaderId;
        this.title = title;
        this.status = ApplicationStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A section is saved: the application's version moves on, which is what concurrent savers compete for. */
    void edited(String newTitle, Instant now) {
        if (!ApplicationStatus.EDITABLE.contains(status)) {
            throw new StateConflictException("application.notEditable", ApplicationStatus.label(status));
        }
        if (newTitle != null) {
            this.title = newTitle;
        }
        this.updatedAt = now;
    }

    /**
     * Submission freezes the application: from now on its sections change only through a new version. What the
     * office's table shows is taken from the submitted content.
     */
    void submitted(Instant now, String receiptNumber, ApplicationContent content) {
        if (!ApplicationStatus.EDITABLE.contains(status)) {
            throw new StateConflictException("application.notEditable", ApplicationStatus.label(status));
        }
        this.status = ApplicationStatus.SUBMITTED;
        this.updatedAt = now;
        this.submittedVersions++;
        this.receiptNumber = receiptNumber;
        this.submittedAt = now;
        var basics = content.basics();
        this.recommendingDepartment = basics == null ? null : basics.recommendingDepartment();
        this.category = basics == null ? null : basics.category();
        this.scopeCode = basics == null ? null : basics.scope();
        this.fieldCode = basics == null ? null : basics.field();
        this.partnerCountries = content.partners() == null || content.partners().partners() == null ? null
                : String.join(",", content.partners().partners().stream().map(p -> p.country())
                        .filter(c -> c != null && !c.isBlank()).distinct().sorted().toList());
        this.fiscal = content.budget() == null ? null : content.budget().fiscal();
        this.selfRaised = content.budget() == null ? null : content.budget().selfRaised();
    }

    /** A routing step moves the application on (the state machine's guards are checked by {@code Routing}). */
    void moved(ApplicationStatus to, Instant now) {
        if (to == ApplicationStatus.RETURNED) {
            this.returnedAt = now;
        }
        if (to == ApplicationStatus.ORG_APPROVED && orgApprovedAt == null) {
            this.orgApprovedAt = now;
        }
        this.status = to;
        this.updatedAt = now;
    }

    void extendedUntil(Instant until, Instant now) {
        this.extendedUntil = until;
        this.updatedAt = now;
    }

    String recommendingDepartment() { return recommendingDepartment; }
    Instant extendedUntil() { return extendedUntil; }
    Instant returnedAt() { return returnedAt; }
    Instant orgApprovedAt() { return orgApprovedAt; }
    int submittedVersions() { return submittedVersions; }
    String receiptNumber() { return receiptNumber; }
    Instant submittedAt() { return submittedAt; }
    String category() { return category; }
    String scopeCode() { return scopeCode; }
    String fieldCode() { return fieldCode; }
    String partnerCountries() { return partnerCountries; }
    java.math.BigDecimal fiscal() { return fiscal; }
    java.math.BigDecimal selfRaised() { return selfRaised; }
    String organizationName() { return organizationName; }
    String organizationType() { return organizationType; }
    String leaderName() { return leaderName; }

    Long id() { return id; }
    String callCode() { return callCode; }
    Long organizationId() { return organizationId; }
    Long leaderId() { return leaderId; }
    String title() { return title; }
    ApplicationStatus status() { return status; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
    long version() { return version; }
}
