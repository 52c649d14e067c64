package org.silkgrant.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.silkgrant.document.SampleFiles.JPEG;
import static org.silkgrant.document.SampleFiles.PDF;
import static org.silkgrant.document.SampleFiles.PNG;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.silkgrant.shared.NotFoundException;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** The same store over a real S3 server: kept once by content, refused uploads leave nothing in the bucket. */
class S3FileStoreTests {

    private static final Set<String> AGREEMENT_TYPES = Set.of(PDF, JPEG, PNG);
    private static final long TWENTY_MB = 20L * 1024 * 1024;

    private final S3TestServer server = S3TestServer.get();
    private final AtomicInteger puts = new AtomicInteger();

    @TempDir
    Path dataDir;

    private String bucket;
    private S3FileStorage storage;
    private FileStore store;

    @BeforeEach
    void setUp() {
        bucket = server.newBucket();
        storage = storage(server.settings(bucket, "/silkgrant/"));
        store = new FileStore(storage);
    }

    @AfterEach
    void tearDown() {
        storage.close();
    }

    @Test
    void keepsAnUploadAsAnObjectUnderItsSha256AndReadsItBack() throws Exception {
        byte[] pdf = SampleFiles.onePagePdf();

        StoredFile stored = store.store(new ByteArrayInputStream(pdf), "合作协议.pdf", TWENTY_MB, AGREEMENT_TYPES);

        String key = "silkgrant/" + stored.sha256().substring(0, 2) + "/" + stored.sha256();
        assertThat(server.keys(bucket)).containsExactly(key);
        assertThat(server.object(bucket, key)).isEqualTo(pdf);
        assertThat(stored.mediaType()).isEqualTo(PDF);
        try (InputStream in = store.open(stored.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        assertThat(store.exists(stored.sha256())).isTrue();
        assertThat(receivedFiles()).isEmpty();
    }

    @Test
    void sendsTheSameContentOnce() {
        byte[] pdf = SampleFiles.onePagePdf();

        StoredFile first = store.store(new ByteArrayInputStream(pdf), "first.pdf", TWENTY_MB, AGREEMENT_TYPES);
        StoredFile second = store.store(new ByteArrayInputStream(pdf), "second.pdf", TWENTY_MB, AGREEMENT_TYPES);

        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(puts).hasValue(1);
        assertThat(server.keys(bucket)).hasSize(1);
        store.store(new ByteArrayInputStream(SampleFiles.png()), "scan.png", TWENTY_MB, AGREEMENT_TYPES);
        assertThat(puts).hasValue(2);
        assertThat(server.keys(bucket)).hasSize(2);
    }

    @Test
    void refusesAnUploadOverItsLimitAndSendsNothing() {
        byte[] pdf = SampleFiles.onePagePdf();

        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(pdf), "a.pdf", pdf.length - 1, AGREEMENT_TYPES))
                .isInstanceOf(FileTooLargeException.class);

        assertThat(puts).hasValue(0);
        assertThat(server.keys(bucket)).isEmpty();
        assertThat(receivedFiles()).isEmpty();
    }

    @Test
    void refusesAnExecutableNamedPdfAndSendsNothing() {
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(SampleFiles.peExecutable()), "agreement.pdf",
                TWENTY_MB, AGREEMENT_TYPES)).isInstanceOf(UnsupportedFileTypeException.class);

        assertThat(puts).hasValue(0);
        assertThat(server.keys(bucket)).isEmpty();
        assertThat(receivedFiles()).isEmpty();
    }

    @Test
    void aMissingObjectIsNotFound() {
        assertThatThrownBy(() -> store.open("0".repeat(64))).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.messageKey()).isEqualTo("document.notFound"));
        assertThat(store.exists("0".repeat(64))).isFalse();
        assertThatThrownBy(() -> store.open("../" + "0".repeat(61))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aWrongSecretIsRefusedByTheServerAndNothingIsKept() {
        FilesProperties.S3 right = server.settings(bucket, null);
        FilesProperties.S3 wrong = new FilesProperties.S3(right.endpoint(), right.region(), bucket, right.accessKey(),
                "not-the-secret", true, null);
        try (S3FileStorage refused = storage(wrong)) {
            FileStore withWrongSecret = new FileStore(refused);

            assertThatThrownBy(() -> withWrongSecret.store(new ByteArrayInputStream(SampleFiles.onePagePdf()), "a.pdf",
                    TWENTY_MB, AGREEMENT_TYPES)).isInstanceOf(UncheckedIOException.class);
        }
        assertThat(server.keys(bucket)).isEmpty();
    }

    @Test
    void neverPrintsTheSecretKey() {
        FilesProperties.S3 settings = server.settings(bucket, null);

        assertThat(settings.toString()).doesNotContain(S3TestServer.SECRET_KEY).contains("secretKey=(set)", bucket);
        assertThat(new FilesProperties(FilesProperties.Store.S3, null, settings, false).toString())
                .doesNotContain(S3TestServer.SECRET_KEY);
        assertThat(storage.toString()).doesNotContain(S3TestServer.SECRET_KEY);
    }

    @Test
    void copiesTheLocalFilesIntoTheBucketOnceAndLeavesDamagedOnesBehind() throws Exception {
        FileStore local = new FileStore(dataDir.toString());
        StoredFile pdf = local.store(new ByteArrayInputStream(SampleFiles.onePagePdf()), "a.pdf", TWENTY_MB, AGREEMENT_TYPES);
        StoredFile png = local.store(new ByteArrayInputStream(SampleFiles.png()), "b.png", TWENTY_MB, AGREEMENT_TYPES);
        StoredFile jpeg = local.store(new ByteArrayInputStream(SampleFiles.jpeg()), "c.jpg", TWENTY_MB, AGREEMENT_TYPES);
        Path damaged = dataDir.resolve("files").resolve(jpeg.sha256().substring(0, 2)).resolve(jpeg.sha256());
        Files.write(damaged, Arrays.copyOf(SampleFiles.jpeg(), 10));
        Files.writeString(dataDir.resolve("files").resolve("README.txt"), "not a stored file");
        LocalFileStorage source = new LocalFileStorage(dataDir.resolve("files"));

        assertThat(FileStoreMigration.migrate(source, storage)).isEqualTo(new FileStoreMigration.Result(2, 0, 1));
        assertThat(FileStoreMigration.migrate(source, storage)).isEqualTo(new FileStoreMigration.Result(0, 2, 1));

        assertThat(puts).hasValue(2);
        assertThat(server.keys(bucket)).containsExactlyInAnyOrder(
                "silkgrant/" + pdf.sha256().substring(0, 2) + "/" + pdf.sha256(),
                "silkgrant/" + png.sha256().substring(0, 2) + "/" + png.sha256());
        try (InputStream in = store.open(png.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(SampleFiles.png());
        }
        assertThat(damaged).exists();
    }

    @Test
    void normalisesThePrefix() {
        assertThat(List.of("", "/", "a", "/a/b/", "a/b").stream().map(S3FileStorage::normalised))
                .containsExactly("", "", "a/", "a/b/", "a/b/");
    }

    private S3FileStorage storage(FilesProperties.S3 settings) {
        ExecutionInterceptor countingPuts = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (context.request() instanceof PutObjectRequest) {
                    puts.incrementAndGet();
                }
            }
        };
        return new S3FileStorage(FileStorageConfiguration.clientBuilder(settings)
                .overrideConfiguration(c -> c.addExecutionInterceptor(countingPuts)).build(),
                settings.bucket(), settings.prefix(), dataDir.resolve("tmp/uploads"));
    }

    private List<Path> receivedFiles() {
        try {
            return Files.isDirectory(dataDir.resolve("tmp")) ? FileStoreTests.filesUnder(dataDir.resolve("tmp")) : List.of();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
