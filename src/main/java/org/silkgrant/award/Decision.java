package org.silkgrant.award;

/** The office's funding decision (立项决定). */
public enum Decision {
    APPROVED, NOT_FUNDED
}
