package org.silkgrant.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * An application as its readers see it: its place, state, version and every saved section as JSON (API.md).
 *
 * @param sections         by section name; a section not saved yet is absent
 * @param submittedVersion which submitted version this is (its frozen snapshot); 0 for the working copy
 */
public record ApplicationView(Long id, String callCode, ApplicationStatus status, long version, String title,
        Long organizationId, Long leaderId, Instant createdAt, Instant updatedAt, Map<String, JsonNode> sections,
        List<AttachmentView> attachments, int submittedVersion) {
}
