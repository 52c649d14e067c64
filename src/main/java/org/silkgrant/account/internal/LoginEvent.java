package org.silkgrant.account.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One sign-in attempt, kept for the user's own history. */
@Entity
@Table(name = "login_event")
public class LoginEvent {

    /** How an attempt ended. */
    public enum Outcome { SUCCESS, FAILURE, LOCKED, SECOND_FACTOR_FAILURE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(nullable = false, length = 30)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Outcome outcome;

    protected LoginEvent() {
    }

    public LoginEvent(Long userId, String username, Instant at, String clientAddress, Outcome outcome) {
        this.userId = userId;
        this.username = username;
        this.at = at;
        this.clientAddress = clientAddress;
        this.outcome = outcome;
    }

    public Instant at() { return at; }
    public String clientAddress() { return clientAddress; }
    public Outcome outcome() { return outcome; }
}
