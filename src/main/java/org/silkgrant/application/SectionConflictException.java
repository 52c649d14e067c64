package org.silkgrant.application;

import org.silkgrant.shared.TranslatedException;

import tools.jackson.databind.JsonNode;

/**
 * A section was saved by someone else after the version the writer started from: nothing is overwritten; the
 * writer gets the current version and the section as saved, to compare and choose.
 */
public class SectionConflictException extends TranslatedException {

    private final long currentVersion;
    private final String section;
    private final JsonNode current;
    private final String savedBy;

    SectionConflictException(long currentVersion, String section, JsonNode current, String savedBy) {
        super("application.section.conflict", savedBy);
        this.currentVersion = currentVersion;
        this.section = section;
        this.current = current;
        this.savedBy = savedBy;
    }

    public long currentVersion() {
        return currentVersion;
    }

    public String section() {
        return section;
    }

    public JsonNode current() {
        return current;
    }

    public String savedBy() {
        return savedBy;
    }

    @Override
    public int httpStatus() {
        return 409;
    }

    @Override
    public String problemType() {
        return "version-conflict";
    }
}
