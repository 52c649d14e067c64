package org.silkgrant.integrity;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of the integrity list, in force from a date, optionally until one, until the office ends it. */
@Entity
@Table(name = "integrity_entry")
class IntegrityEntry {

    /** Who is listed: an organisation (by credit code) or a person (by resident ID number). */
    enum Kind { ORGANIZATION, PERSON }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Column(name = "credit_code", length = 18)
    private String creditCode;

    @Column(name = "id_number_encrypted", length = 200)
    private String idNumberEncrypted;

    @Column(name = "id_number_masked", length = 18)
    private String idNumberMasked;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(name = "listed_from", nullable = false)
    private LocalDate listedFrom;

    @Column(name = "listed_until")
    private LocalDate listedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by", length = 64)
    private String endedBy;

    protected IntegrityEntry() {
    }

    IntegrityEntry(Kind kind, String creditCode, String idNumberEncrypted, String idNumberMasked, String name,
            String reason, LocalDate listedFrom, LocalDate listedUntil, String createdBy, Instant now) {
        this.kind = kind;
        this.creditCode = creditCode;
        this.idNumberEncrypted = idNumberEncrypted;
        this.idNumberMasked = idNumberMasked;
        this.name = name;
        this.reason = reason;
        this.listedFrom = listedFrom;
        this.listedUntil = listedUntil;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** In force on this day: started, not past its end date, not ended by the office. */
    boolean inForce(LocalDate day) {
        return endedAt == null && !day.isBefore(listedFrom) && (listedUntil == null || !day.isAfter(listedUntil));
    }

    void end(String officer, Instant now) {
        this.endedAt = now;
        this.endedBy = officer;
    }

    IntegrityList.Entry view() {
        return new IntegrityList.Entry(id, kind.name(), creditCode, idNumberMasked, name, reason, listedFrom, listedUntil,
                createdBy, endedAt);
    }

    Long id() { return id; }
    Kind kind() { return kind; }
    String creditCode() { return creditCode; }
    String idNumberEncrypted() { return idNumberEncrypted; }
}
