package org.silkgrant.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The content-addressed file store: one copy per distinct content, named by its SHA-256, kept in a local directory
 * ({@code silkgrant.files.directory}, default {@code silkgrant.data-dir/files}; several nodes share one) or, with
 * {@code silkgrant.files.store=s3}, in a bucket of an S3-compatible object store. Either way an upload is received
 * into a local temp file first, limited, digested and sniffed, and only then kept.
 */
@Service
public class FileStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER_BYTES = 64 * 1024;

    private final FileStorage storage;
    private final FilesProperties.Inspection limits;

    /** The local store under {@code dataDir/files}. */
    public FileStore(String dataDir) {
        this(dataDir, null);
    }

    /** The local store in {@code directory}, or under {@code dataDir/files} when it is blank. */
    public FileStore(String dataDir, String directory) {
        this(new LocalFileStorage(LocalFileStorage.root(dataDir, directory)), FilesProperties.Inspection.DEFAULTS);
    }

    FileStore(FileStorage storage) {
        this(storage, FilesProperties.Inspection.DEFAULTS);
    }

    /** The store over the storage {@code silkgrant.files.store} chose, inspecting uploads within these limits. */
    @Autowired
    FileStore(FileStorage storage, FilesProperties files) {
        this(storage, files.inspection());
    }

    FileStore(FileStorage storage, FilesProperties.Inspection limits) {
        this.storage = storage;
        this.limits = limits;
    }

    /**
     * Keeps an upload if it is not empty, not larger than {@code maxBytes}, its content is one of
     * {@code allowedMediaTypes} and it passes the inspection of its type (docs/security.md, "Uploads"); the caller
     * closes {@code content}. The name is kept cleaned and ending in the real type's extension.
     *
     * @throws FileTooLargeException         as soon as more than {@code maxBytes} arrive
     * @throws UnsupportedFileTypeException  when the content is another type, whatever the name says
     * @throws UnsafeFileException           on field {@code file} when the content breaks the upload policy
     * @throws FieldViolationException       on field {@code file} when the upload is empty
     */
    public StoredFile store(InputStream content, String originalName, long maxBytes, Set<String> allowedMediaTypes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("a size limit is positive");
        }
        try {
            Path temp = Files.createTempFile(storage.receivingDirectory(), ".upload-", ".tmp");
            try {
                Received received = receive(content, temp, maxBytes);
                if (received.size() == 0) {
                    throw new FieldViolationException("file", "EMPTY", "document.empty");
                }
                String mediaType = ContentTypes.detect(temp, limits);
                if (!allowedMediaTypes.contains(mediaType)) {
                    throw new UnsupportedFileTypeException(mediaType, allowedMediaTypes);
                }
                // Before anyone can download it: active content, hidden trailing data, polyglots, bombs.
                UploadInspection.inspect(temp, mediaType, limits);
                storage.keep(received.sha256(), temp, mediaType);
                return new StoredFile(received.sha256(), received.sm3(), received.size(), mediaType,
                        FileNames.sanitize(originalName, mediaType));
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("an upload cannot be stored", e);
        }
    }

    /** The stored content; the caller closes it. */
    public InputStream open(String sha256) {
        try {
            return storage.open(checked(sha256));
        } catch (FileStorage.MissingContentException e) {
            throw new NotFoundException("document.notFound");
        } catch (IOException e) {
            throw new UncheckedIOException("a stored file cannot be read", e);
        }
    }

    /** Whether content with this SHA-256 is stored; {@code false} for anything that is not a SHA-256 in hex. */
    public boolean exists(String sha256) {
        try {
            return sha256 != null && SHA256.matcher(sha256).matches() && storage.contains(sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("the file store did not answer", e);
        }
    }

    /** A safe {@code Content-Disposition} value for a download: an ASCII {@code filename} and the exact {@code filename*}. */
    public static String contentDisposition(String fileName) {
        // Not sanitised again: generated names ("申报书.pdf") may hold quotes, which are escaped rather than lost.
        return FileNames.contentDisposition(fileName == null || fileName.isBlank() ? "file" : fileName);
    }

    private static String checked(String sha256) {
        // Only 64 lowercase hex digits ever reach the storage: no "..", no separators, no other file or key.
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new NotFoundException("document.notFound");
        }
        return sha256;
    }

    private static Received receive(InputStream content, Path temp, long maxBytes) throws IOException {
        MessageDigest sha256 = sha256();
        SM3Digest sm3 = new SM3Digest();
        byte[] buffer = new byte[BUFFER_BYTES];
        long size = 0;
        try (OutputStream out = Files.newOutputStream(temp)) {
            // Never asks for more than one byte past the limit: that byte proves the upload too large.
            int read;
            while ((read = content.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - size))) >= 0) {
                size += read;
                if (size > maxBytes) {
                    throw new FileTooLargeException(maxBytes);
                }
                out.write(buffer, 0, read);
                sha256.update(buffer, 0, read);
                sm3.update(buffer, 0, read);
            }
        }
        byte[] sm3Value = new byte[sm3.getDigestSize()];
        sm3.doFinal(sm3Value, 0);
        return new Received(HexFormat.of().formatHex(sha256.digest()), HexFormat.of().formatHex(sm3Value), size);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private record Received(String sha256, String sm3, long size) {
    }
}
