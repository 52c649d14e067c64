package org.silkgrant.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

/** An expert's profile, tied to one account with the EXPERT role; validated by {@link ExpertManagement}. */
@Entity
@Table(name = "expert")
class Expert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, unique = true)
    private Long userId;

    @Column(name = "full_name", nullable = false, length = 100)
    private String fullName;

    @Column(name = "organization_name", nullable = false, length = 200)
    private String organizationName;

    @Column(name = "organization_code", length = 18)
    private String organizationCode;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(length = 100)
    private String title;

    @Column(nullable = false, length = 200)
    private String email;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    // Batch-fetched: listing thousands of experts for an assignment loads each collection in a few queries.
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "expert_field", joinColumns = @JoinColumn(name = "expert_id"))
    @Column(name = "field_code", length = 40)
    @OrderBy
    @BatchSize(size = 200)
    private Set<String> fields = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "expert_keyword", joinColumns = @JoinColumn(name = "expert_id"))
    @Column(name = "keyword", length = 50)
    @OrderBy
    @BatchSize(size = 200)
    private Set<String> keywords = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "expert_language", joinColumns = @JoinColumn(name = "expert_id"))
    @Column(name = "language", length = 3)
    @OrderBy
    @BatchSize(size = 200)
    private Set<String> languages = new LinkedHashSet<>();

    @OneToMany(mappedBy = "expert", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    @BatchSize(size = 200)
    private List<ExpertDeclaredConflict> conflicts = new ArrayList<>();

    @Version
    private long version;

    protected Expert() {
    }

    Expert(Long userId, ExpertForm.Normalized profile, Instant now) {
        this.userId = userId;
        this.active = true;
        this.createdAt = now;
        change(profile, now);
    }

    void change(ExpertForm.Normalized profile, Instant now) {
        this.fullName = profile.fullName();
        this.organizationName = profile.organizationName();
        this.organizationCode = profile.organizationCode();
        this.country = profile.country();
        this.title = profile.title();
        this.email = profile.email();
        this.fields.clear();
        this.fields.addAll(profile.fields());
        this.keywords.clear();
        this.keywords.addAll(profile.keywords());
        this.languages.clear();
        this.languages.addAll(profile.languages());
        this.updatedAt = now;
    }

    void active(boolean active, Instant now) {
        this.active = active;
        this.updatedAt = now;
    }

    ExpertDeclaredConflict declare(DeclaredConflict.Kind kind, String organizationName, String organizationCode,
            String personName, String reason, Instant now) {
        ExpertDeclaredConflict conflict = new ExpertDeclaredConflict(this, kind, organizationName, organizationCode,
                personName, reason, now);
        conflicts.add(conflict);
        this.updatedAt = now;
        return conflict;
    }

    boolean withdraw(Long conflictId, Instant now) {
        boolean removed = conflicts.removeIf(c -> c.id() != null && c.id().equals(conflictId));
        if (removed) {
            this.updatedAt = now;
        }
        return removed;
    }

    Long id() { return id; }
    Long userId() { return userId; }
    String fullName() { return fullName; }
    String organizationName() { return organizationName; }
    String organizationCode() { return organizationCode; }
    String country() { return country; }
    String title() { return title; }
    String email() { return email; }
    boolean active() { return active; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
    Set<String> fields() { return fields; }
    Set<String> keywords() { return keywords; }
    Set<String> languages() { return languages; }
    List<ExpertDeclaredConflict> conflicts() { return conflicts; }
    long version() { return version; }
}
