package org.silkgrant.application;

import java.time.Instant;

/** An attached file as API.md shows it, with both digests. */
public record AttachmentView(Long id, String kind, String fileName, String mediaType, long size, String sha256,
        String sm3, Instant uploadedAt, String uploadedBy) {
}
