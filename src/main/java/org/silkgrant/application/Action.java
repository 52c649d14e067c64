package org.silkgrant.application;

/**
 * What someone does to an application (API.md {@code POST /applications/{id}/transitions}). {@code SUBMIT} also has
 * its own endpoint; {@code EXTEND} changes no state but is kept in the history like a transition.
 */
public enum Action {
    SUBMIT, APPROVE, RETURN, RECOMMEND, ACCEPT, REJECT, WITHDRAW, EXTEND
}
