package org.silkgrant.document;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Chooses the {@link FileStorage} by {@code silkgrant.files.store}. */
@Configuration(proxyBeanMethods = false)
class FileStorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FileStorageConfiguration.class);

    @Bean
    FileStorage fileStorage(FilesProperties files, @Value("${silkgrant.data-dir}") String dataDir) {
        if (files.store() == FilesProperties.Store.S3) {
            FilesProperties.S3 s3 = files.s3();
            log.info("Files are kept in the S3-compatible bucket {} at {} (prefix '{}')", s3.bucket(),
                    s3.endpoint() == null ? "AWS " + region(s3) : s3.endpoint(), S3FileStorage.normalised(s3.prefix()));
            return s3Storage(s3, dataDir);
        }
        return new LocalFileStorage(LocalFileStorage.root(dataDir, files.directory()));
    }

    /** The bucket's storage; uploads are received under {@code dataDir/tmp/uploads} before they are sent. */
    static S3FileStorage s3Storage(FilesProperties.S3 s3, String dataDir) {
        return new S3FileStorage(client(s3), s3.bucket(), s3.prefix(), Path.of(dataDir, "tmp", "uploads"));
    }

    static S3Client client(FilesProperties.S3 s3) {
        return clientBuilder(s3).build();
    }

    static S3ClientBuilder clientBuilder(FilesProperties.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)))
                .region(region(s3))
                .credentialsProvider(credentials(s3))
                .forcePathStyle(s3.pathStyle())
                // The SDK's default (since 2.30) adds CRC32 trailers in aws-chunked bodies, which many S3-compatible
                // servers refuse; the store sends Content-MD5 instead, which all of them check.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        URI endpoint = s3.endpoint();
        if (endpoint != null && !endpoint.toString().isBlank()) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    private static Region region(FilesProperties.S3 s3) {
        return Region.of(s3.region() == null || s3.region().isBlank() ? "us-east-1" : s3.region());
    }

    private static AwsCredentialsProvider credentials(FilesProperties.S3 s3) {
        if (s3.accessKey() == null || s3.accessKey().isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        if (s3.secretKey() == null || s3.secretKey().isBlank()) {
            throw new IllegalStateException("silkgrant.files.s3.secret-key (env SILKGRANT_S3_SECRET_KEY) must be set "
                    + "with silkgrant.files.s3.access-key");
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
    }
}
