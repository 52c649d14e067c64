package org.silkgrant.document;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where uploaded files are kept (docs/operations.md, "Object storage").
 *
 * @param store       {@code local} (default): a directory; {@code s3}: a bucket of an S3-compatible object store
 * @param directory   the local directory; blank: {@code silkgrant.data-dir/files}
 * @param s3          the bucket when {@code store} is {@code s3}
 * @param migrateToS3 at start-up, copy every file of the local directory that the bucket lacks (idempotent)
 */
@ConfigurationProperties("silkgrant.files")
public record FilesProperties(Store store, String directory, S3 s3, boolean migrateToS3) {

    public FilesProperties {
        store = store == null ? Store.LOCAL : store;
        s3 = s3 == null ? new S3(null, null, null, null, null, false, null) : s3;
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
