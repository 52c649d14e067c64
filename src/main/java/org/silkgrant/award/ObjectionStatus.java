package org.silkgrant.award;

/** Where an objection (异议) stands: filed and waiting, or answered by the office. */
public enum ObjectionStatus {
    OPEN, UPHELD, DISMISSED
}
