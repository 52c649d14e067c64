package org.silkgrant.document;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * Where uploaded files are kept (docs/operations.md, "Object storage") and how far an upload is inspected before it is
 * (docs/security.md, "Uploads").
 *
 * @param store       {@code local} (default): a directory; {@code s3}: a bucket of an S3-compatible object store
 * @param directory   the local directory; blank: {@code silkgrant.data-dir/files}
 * @param s3          the bucket when {@code store} is {@code s3}
 * @param migrateToS3 at start-up, copy every file of the local directory that the bucket lacks (idempotent)
 * @param inspection  the limits of the content checks ({@code silkgrant.files.inspection.*})
 */
@ConfigurationProperties("silkgrant.files")
public record FilesProperties(Store store, String directory, S3 s3, boolean migrateToS3, Inspection inspection) {

    @ConstructorBinding
    public FilesProperties {
        store = store == null ? Store.LOCAL : store;
        s3 = s3 == null ? new S3(null, null, null, null, null, false, null) : s3;
        inspection = inspection == null ? Inspection.DEFAULTS : inspection;
    }

    /** The settings with the default inspection limits. */
    public FilesProperties(Store store, String directory, S3 s3, boolean migrateToS3) {
        this(store, directory, s3, migrateToS3, null);
    }

    /**
     * The limits of the checks every upload passes before it is kept; each bounds the work one request may cause.
     * Unset (or non-positive) values take the defaults.
     *
     * @param zipMaxEntries       entries of an OOXML document or any zip, nested archives included (default 10,000)
     * @param zipMaxExpandedSize  bytes all entries expand to together, nested archives included (default 256MB)
     * @param zipMaxRatio         expanded : compressed size of one entry larger than 100 KB (default 100)
     * @param imageMaxPixels      width × height of a PNG or JPEG (default 100,000,000: an A4 page at 600 dpi is 35 M)
     * @param pdfMaxObjects       objects of a PDF (default 500,000)
     * @param pdfMaxDecodedSize   bytes the PDF's object and cross-reference streams may decode to while it is checked
     *                            (default 64MB)
     */
    public record Inspection(Integer zipMaxEntries, DataSize zipMaxExpandedSize, Integer zipMaxRatio,
            Long imageMaxPixels, Integer pdfMaxObjects, DataSize pdfMaxDecodedSize) {

        /** The defaults documented in docs/security.md. */
        public static final Inspection DEFAULTS = new Inspection(null, null, null, null, null, null);

        public Inspection {
            zipMaxEntries = positive(zipMaxEntries) ? zipMaxEntries : 10_000;
            zipMaxExpandedSize = zipMaxExpandedSize != null && zipMaxExpandedSize.toBytes() > 0 ? zipMaxExpandedSize
                    : DataSize.ofMegabytes(256);
            zipMaxRatio = positive(zipMaxRatio) ? zipMaxRatio : 100;
            imageMaxPixels = imageMaxPixels != null && imageMaxPixels > 0 ? imageMaxPixels : 100_000_000L;
            pdfMaxObjects = positive(pdfMaxObjects) ? pdfMaxObjects : 500_000;
            pdfMaxDecodedSize = pdfMaxDecodedSize != null && pdfMaxDecodedSize.toBytes() > 0 ? pdfMaxDecodedSize
                    : DataSize.ofMegabytes(64);
        }

        private static boolean positive(Integer value) {
            return value != null && value > 0;
        }
    }

    /** The kind of storage. */
    public enum Store {
        LOCAL, S3
    }

    /**
     * An S3-compatible bucket.
     *
     * @param endpoint  the server, e.g. {@code https://minio.internal:9000} or {@code https://oss-cn-beijing.aliyuncs.com};
     *                  blank: AWS S3 of {@code region}
     * @param region    the signing region ({@code us-east-1} when blank; MinIO accepts any)
     * @param bucket    the bucket, created beforehand
     * @param accessKey the access key; blank: the AWS default chain (environment, profile, instance role)
     * @param secretKey the secret key, from the environment ({@code SILKGRANT_S3_SECRET_KEY}); never printed
     * @param pathStyle {@code http://host/bucket/key} rather than {@code http://bucket.host/key} (MinIO, Ceph, S3Proxy)
     * @param prefix    a key prefix, so one bucket may serve several installations; blank: none
     */
    public record S3(URI endpoint, String region, String bucket, String accessKey, String secretKey, boolean pathStyle,
            String prefix) {

        /** Everything but the secret key, which is only said to be set or not. */
        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", accessKey=" + accessKey
                    + ", secretKey=" + (secretKey == null || secretKey.isEmpty() ? "(not set)" : "(set)")
                    + ", pathStyle=" + pathStyle + ", prefix=" + prefix + "]";
        }
    }
}
