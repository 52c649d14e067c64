package org.silkgrant.account.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/** The single row written when the first-start bootstrap created the first system admin. */
@Entity
@Table(name = "account_bootstrap")
public class BootstrapRecord implements Persistable<Integer> {

    /** Always 1: a second row cannot be written, so the bootstrap runs once, also when two run at the same time. */
    @Id
    private Integer id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Saved with an INSERT, never merged into an existing row: the primary key refuses a second one. */
    @Transient
    private boolean fresh = true;

    protected BootstrapRecord() {
    }

    @PostLoad
    void loaded() {
        fresh = false;
    }

    @Override
    public Integer getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    public BootstrapRecord(String username, Instant createdAt) {
        this.id = 1;
        this.username = username;
        this.createdAt = createdAt;
    }

    public String username() { return username; }
    public Instant createdAt() { return createdAt; }
}
