package org.silkgrant.document;

/**
 * A file kept in the {@link FileStore}: its SHA-256 (its address) and SM3 digests in lowercase hex, its size in
 * bytes, the media type its content was detected as, and the sanitised name it was uploaded under.
 */
public record StoredFile(String sha256, String sm3, long size, String mediaType, String fileName) {
}
