package org.silkgrant.application;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One section of an application as JSON, and the application version it was last saved in. */
@Entity
@Table(name = "application_section")
class Section {

    /** The application and the section's name. */
    @Embeddable
    record Key(@Column(name = "application_id") Long applicationId, @Column(name = "name", length = 30) String name)
            implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private String content;

    @Column(name = "changed_in_version", nullable = false)
    private long changedInVersion;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    protected Section() {
    }

    Section(Long applicationId, SectionName name) {
        this.key = new Key(applicationId, name.path());
    }

    void save(String json, long version, String user, Instant now) {
        this.content = json;
        this.changedInVersion = version;
        this.updatedBy = user;
        this.updatedAt = now;
    }

    String name() { return key.name(); }
    String content() { return content; }
    long changedInVersion() { return changedInVersion; }
    Instant updatedAt() { return updatedAt; }
    String updatedBy() { return updatedBy; }
}
