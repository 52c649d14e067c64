package org.silkgrant.audit;

import java.time.Clock;

import org.silkgrant.shared.Audited;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes every {@link Audited} event, in the transaction of the change it records (so a change and its record
 * commit together), and reads the record newest first.
 */
@Service
public class AuditLog {

    private final AuditRepository entries;
    private final Clock clock;

    AuditLog(AuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Audited event) {
        entries.save(new AuditEntry(clock.instant(), event));
    }

    /** A page of the record, newest first, optionally filtered by action or actor. */
    @Transactional(readOnly = true)
    public Page<AuditRecord> read(String query, int page, int size) {
        PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200),
                Sort.by(Sort.Direction.DESC, "id"));
        Page<AuditEntry> result = query == null || query.isBlank() ? entries.findAll(request)
                : entries.findByActionContainingIgnoreCaseOrActorContainingIgnoreCase(query.strip(), query.strip(), request);
        return result.map(AuditEntry::view);
    }
}
