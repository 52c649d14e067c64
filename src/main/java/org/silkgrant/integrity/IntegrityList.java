package org.silkgrant.integrity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.silkgrant.shared.CreditCode;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.FieldViolationException.Violation;
import org.silkgrant.shared.IdNumber;
import org.silkgrant.shared.InvalidIdentifierException;
import org.silkgrant.shared.NotFoundException;
import org.silkgrant.shared.PersonalDataCipher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The research-integrity list: the office adds and ends entries; eligibility asks whether someone is listed today. */
@Service
public class IntegrityList {

    /** The list's days are Beijing days. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** An entry as the office sees it; the ID number only masked. */
    public record Entry(Long id, String kind, String creditCode, String idNumberMasked, String name, String reason,
            LocalDate listedFrom, LocalDate listedUntil, String createdBy, java.time.Instant endedAt) {
    }

    private final IntegrityEntryRepository entries;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    IntegrityList(IntegrityEntryRepository entries, PersonalDataCipher cipher, Clock clock) {
        this.entries = entries;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Lists an organisation (credit code) or a person (ID number) with a reason and a period. */
    @Transactional
    public Entry add(String kind, String identifier, String name, String reason, LocalDate from, LocalDate until,
            String officer) {
        List<Violation> violations = new ArrayList<>();
        IntegrityEntry.Kind parsedKind = "PERSON".equals(kind) ? IntegrityEntry.Kind.PERSON
                : "ORGANIZATION".equals(kind) ? IntegrityEntry.Kind.ORGANIZATION : null;
        if (parsedKind == null) {
            violations.add(new Violation("kind", "REQUIRED", "integrity.kind.REQUIRED"));
        }
        String creditCode = null;
        IdNumber idNumber = null;
        try {
            if (parsedKind == IntegrityEntry.Kind.ORGANIZATION) {
                creditCode = CreditCode.parse(identifier).value();
            } else if (parsedKind == IntegrityEntry.Kind.PERSON) {
                idNumber = IdNumber.parse(identifier);
            }
        } catch (InvalidIdentifierException e) {
            violations.add(new Violation("identifier", e.code(), e.messageKey()));
        }
        if (name == null || name.isBlank()) {
            violations.add(new Violation("name", "REQUIRED", "integrity.name.REQUIRED"));
        }
        if (reason == null || reason.isBlank()) {
            violations.add(new Violation("reason", "REQUIRED", "integrity.reason.REQUIRED"));
        }
        if (from == null) {
            violations.add(new Violation("listedFrom", "REQUIRED", "integrity.listedFrom.REQUIRED"));
        } else if (until != null && until.isBefore(from)) {
            violations.add(new Violation("listedUntil", "BEFORE_FROM", "integrity.listedUntil.BEFORE_FROM"));
        }
        if (!violations.isEmpty()) {
            throw new FieldViolationException(violations);
        }
        return entries.save(new IntegrityEntry(parsedKind, creditCode,
                idNumber == null ? null : cipher.encrypt(idNumber.value()), idNumber == null ? null : idNumber.masked(),
                name.strip(), reason.strip(), from, until, officer, clock.instant())).view();
    }

    /** Ends an entry; it stays in the list's history. */
    @Transactional
    public void end(Long id, String officer) {
        entries.findById(id).orElseThrow(() -> new NotFoundException("integrity.notFound")).end(officer, clock.instant());
    }

    @Transactional(readOnly = true)
    public List<Entry> all() {
        return entries.findAllByOrderByIdDesc().stream().map(IntegrityEntry::view).toList();
    }

    /** Whether the organisation with this credit code is listed today. */
    @Transactional(readOnly = true)
    public boolean organizationListed(String creditCode) {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        return entries.findByEndedAtIsNullOrderByIdDesc().stream()
                .anyMatch(e -> e.kind() == IntegrityEntry.Kind.ORGANIZATION && Objects.equals(e.creditCode(), creditCode)
                        && e.inForce(today));
    }

    /** Whether the person with this resident ID number is listed today. */
    @Transactional(readOnly = true)
    public boolean personListed(String idNumber) {
        if (idNumber == null) {
            return false;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        return entries.findByEndedAtIsNullOrderByIdDesc().stream()
                .anyMatch(e -> e.kind() == IntegrityEntry.Kind.PERSON && e.inForce(today)
                        && idNumber.equals(cipher.decrypt(e.idNumberEncrypted())));
    }
}
