package org.silkgrant.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the {@link FileStore} keeps content once it has been received, checked and named by its SHA-256: a local
 * directory ({@link LocalFileStorage}, the default) or an S3-compatible bucket ({@link S3FileStorage}). Keys reaching
 * a storage are always 64 lowercase hex digits, checked by the file store.
 */
interface FileStorage {

    /** The directory an upload is received into before it is kept; exists after the call. */
    Path receivingDirectory() throws IOException;

    /**
     * Keeps {@code received} (a complete file in {@link #receivingDirectory()}) under {@code sha256}, unless content
     * with that digest is kept already; may move the file away. Two callers keeping the same content at once is safe.
     */
    void keep(String sha256, Path received, String mediaType) throws IOException;

    /** The kept content; the caller closes it. */
    InputStream open(String sha256) throws IOException, MissingContentException;

    /** Whether content with this digest is kept. */
    boolean contains(String sha256) throws IOException;

    /** Nothing is kept under the digest asked for. */
    final class MissingContentException extends Exception {

        private static final long serialVersionUID = 1L;

        MissingContentException(String sha256) {
            super("no content under " + sha256);
        }
    }
}
