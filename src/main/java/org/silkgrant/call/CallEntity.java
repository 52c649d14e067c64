package org.silkgrant.call;

import java.time.Instant;

import org.silkgrant.shared.FieldViolationException;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A call imported from its definition file; the definition text is kept as imported, the schedule can change. */
@Entity
@Table(name = "grant_call")
class CallEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String code;

    @Column(name = "program_code", nullable = false, length = 40)
    private String programCode;

    @Column(name = "call_year", nullable = false)
    private int year;

    @Column(nullable = false, length = 200)
    private String source;

    @Column(nullable = false)
    private String definition;

    @Column(name = "opens_at")
    private Instant opensAt;

    private Instant deadline;

    @Column(nullable = false)
    private boolean demo;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @Version
    private long version;

    protected CallEntity() {
    }

    CallEntity(CallDefinition definition, String source, String text, Instant opensAt, Instant deadline, boolean demo,
            Instant importedAt) {
        this.code = definition.code();
        this.programCode = definition.program().code();
        this.year = definition.year();
        this.source = source;
        this.definition = text;
        this.demo = demo;
        this.importedAt = importedAt;
        reschedule(opensAt, deadline);
    }

    void reschedule(Instant opensAt, Instant deadline) {
        if (opensAt != null && deadline != null && !opensAt.isBefore(deadline)) {
            throw new FieldViolationException("deadline", "AFTER_OPENING", "call.schedule.deadlineBeforeOpening");
        }
        this.opensAt = opensAt;
        this.deadline = deadline;
    }

    String code() {
        return code;
    }

    String definition() {
        return definition;
    }

    String source() {
        return source;
    }

    Instant opensAt() {
        return opensAt;
    }

    Instant deadline() {
        return deadline;
    }

    boolean demo() {
        return demo;
    }

    long version() {
        return version;
    }
}
