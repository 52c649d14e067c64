package org.silkgrant.application;

/** Submission refused because a blocking rule fails: the API answers {@code 422} with the checklist. */
public class NotReadyException extends RuntimeException {

    private final Checklist checklist;

    NotReadyException(Checklist checklist) {
        super("the checklist is not ready");
        this.checklist = checklist;
    }

    public Checklist checklist() {
        return checklist;
    }
}
