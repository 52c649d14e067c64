package org.silkgrant.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Content in a bucket of an S3-compatible object store (AWS S3, MinIO, Ceph RGW, the S3 endpoints of Aliyun OSS and
 * Tencent COS), one object per distinct content under {@code <prefix><first two hex digits>/<sha256>}: the same
 * layout as the local directory, so {@code aws s3 sync} or {@code mc mirror} of that directory fills a bucket this
 * storage reads. Uploads are received into a local directory first and only complete, checked files are sent.
 */
final class S3FileStorage implements FileStorage, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Path receiving;

    S3FileStorage(S3Client s3, String bucket, String prefix, Path receiving) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("silkgrant.files.s3.bucket must be set when silkgrant.files.store is s3");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = normalised(prefix);
        this.receiving = receiving;
    }

    /** {@code "a/b/"} for {@code "/a/b"}, {@code "a/b/"} or {@code "a/b"}; empty for none. */
    static String normalised(String prefix) {
        String trimmed = prefix == null ? "" : prefix.strip().replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? "" : trimmed + "/";
    }

    String key(String sha256) {
        return prefix + sha256.substring(0, 2) + "/" + sha256;
    }

    String bucket() {
        return bucket;
    }

    @Override
    public Path receivingDirectory() throws IOException {
        return Files.createDirectories(receiving);
    }

    @Override
    public void keep(String sha256, Path received, String mediaType) throws IOException {
        if (contains(sha256)) {
            return; // content-addressed: the object there holds these very bytes
        }
        // Content-MD5 is checked by every S3-compatible server (unlike the newer x-amz-checksum-* headers), so a body
        // damaged on the way is refused rather than kept under a digest it does not have.
        String md5 = md5(received);
        long size = Files.size(received);
        try {
            s3.putObject(b -> b.bucket(bucket).key(key(sha256)).contentType(mediaType).contentMD5(md5)
                    .contentLength(size), RequestBody.fromFile(received));
        } catch (SdkException e) {
            throw new IOException("the object store did not keep " + key(sha256), e);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException, MissingContentException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key(sha256)));
        } catch (NoSuchKeyException e) {
            throw new MissingContentException(sha256);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new MissingContentException(sha256);
            }
            throw new IOException("the object store did not return " + key(sha256), e);
        } catch (SdkException e) {
            throw new IOException("the object store did not return " + key(sha256), e);
        }
    }

    @Override
    public boolean contains(String sha256) throws IOException {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key(sha256)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("the object store did not answer for " + key(sha256), e);
        } catch (SdkException e) {
            throw new IOException("the object store did not answer for " + key(sha256), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return "S3FileStorage[bucket=" + bucket + ", prefix=" + prefix + "]";
    }

    private static String md5(Path file) throws IOException {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md5)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return Base64.getEncoder().encodeToString(md5.digest());
    }
}
