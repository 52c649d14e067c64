package org.silkgrant.application;

import org.silkgrant.shared.Audited;

/**
 * Something done to an application that changes no state but belongs in the audit record: a section saved (which
 * section, which version), a file uploaded or downloaded, the PDF viewed.
 */
public record ApplicationActivity(String actor, String role, String action, Long applicationId, String detail,
        String clientAddress) implements Audited {

    static final String SECTION_SAVED = "APPLICATION_SECTION_SAVED";
    static final String FILE_UPLOADED = "APPLICATION_FILE_UPLOADED";
    static final String FILE_DOWNLOADED = "APPLICATION_FILE_DOWNLOADED";
    static final String PDF_VIEWED = "APPLICATION_PDF_VIEWED";

    @Override
    public String targetType() {
        return "APPLICATION";
    }

    @Override
    public String targetId() {
        return String.valueOf(applicationId);
    }

    @Override
    public String outcome() {
        return "SUCCESS";
    }
}
