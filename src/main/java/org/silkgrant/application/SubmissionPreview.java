package org.silkgrant.application;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What a submission would freeze, shown to the leader before it happens.
 *
 * @param version       the application version the leader confirms; submission refuses any other
 * @param versionNumber the number the submitted version will carry (1 for the first submission)
 * @param sections      every section of the application in API order, saved or not
 * @param checklist     the rules as they stand now
 */
public record SubmissionPreview(long version, int versionNumber, List<SectionState> sections,
        List<AttachmentView> attachments, Checklist checklist) {

    public SubmissionPreview {
        sections = List.copyOf(sections);
        attachments = List.copyOf(attachments);
    }

    /**
     * One section: its API name and, once saved, its content with when and by whom it was last saved.
     *
     * @param content null when the section was never saved
     */
    public record SectionState(String name, JsonNode content, Instant savedAt, String savedBy) {

        public boolean saved() {
            return content != null;
        }
    }
}
