package org.silkgrant.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.silkgrant.document.SampleFiles.JPEG;
import static org.silkgrant.document.SampleFiles.PDF;
import static org.silkgrant.document.SampleFiles.PNG;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.NotFoundException;

/** Uploads are kept by content, refused by what their bytes are, and never exceed their limit on disk. */
class FileStoreTests {

    private static final Set<String> AGREEMENT_TYPES = Set.of(PDF, JPEG, PNG);
    private static final long TWENTY_MB = 20L * 1024 * 1024;

    @TempDir
    Path dataDir;

    private FileStore store;

    @BeforeEach
    void setUp() {
        store = new FileStore(dataDir.toString());
    }

    @Test
    void keepsARealPdfUnderItsSha256WithBothDigests() throws Exception {
        byte[] pdf = SampleFiles.onePagePdf();

        StoredFile stored = store.store(new ByteArrayInputStream(pdf), "合作协议.pdf", TWENTY_MB, AGREEMENT_TYPES);

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(stored).isEqualTo(new StoredFile(sha256, sm3(pdf),
                pdf.length, PDF, "合作协议.pdf"));
        assertThat(dataDir.resolve("files").resolve(sha256.substring(0, 2)).resolve(sha256)).hasBinaryContent(pdf);
        try (InputStream in = store.open(sha256)) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        assertThat(store.exists(sha256)).isTrue();
    }

    @Test
    void detectsPngAndJpegByContent() {
        // Names swapped on purpose: the bytes decide.
        assertThat(store.store(new ByteArrayInputStream(SampleFiles.png()), "scan.jpg", TWENTY_MB, AGREEMENT_TYPES)
                .mediaType()).isEqualTo(PNG);
        assertThat(store.store(new ByteArrayInputStream(SampleFiles.jpeg()), "scan.png", TWENTY_MB, AGREEMENT_TYPES)
                .mediaType()).isEqualTo(JPEG);
    }

    @Test
    void refusesAWindowsExecutableNamedPdf() {
        assertRefusedAsType(SampleFiles.peExecutable(), "agreement.pdf");
    }

    @Test
    void refusesALinuxExecutableNamedPdf() {
        assertRefusedAsType(SampleFiles.elfExecutable(), "agreement.pdf");
    }

    @Test
    void refusesHtmlNamedPdf() {
        UnsupportedFileTypeException refused = assertRefusedAsType(SampleFiles.html(), "agreement.pdf");

        assertThat(refused.mediaType()).isEqualTo("text/html");
    }

    @Test
    void refusesAnOtherwiseAllowedTypeThisKindDoesNotAllow() {
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(SampleFiles.png()), "a.png", TWENTY_MB, Set.of(PDF)))
                .isInstanceOfSatisfying(UnsupportedFileTypeException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("document.typeRefused");
                    assertThat(e.arguments()).containsExactly(PNG, PDF);
                });
    }

    @Test
    void refusesOneByteOverTheLimitAndLeavesNothingBehind() throws IOException {
        byte[] pdf = SampleFiles.onePagePdf();

        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(pdf), "a.pdf", pdf.length - 1, AGREEMENT_TYPES))
                .isInstanceOfSatisfying(FileTooLargeException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("document.tooLarge");
                    assertThat(e.maxBytes()).isEqualTo(pdf.length - 1);
                });
        assertThat(filesUnder(dataDir)).isEmpty();
    }

    @Test
    void acceptsExactlyTheLimit() {
        byte[] pdf = SampleFiles.onePagePdf();

        assertThat(store.store(new ByteArrayInputStream(pdf), "a.pdf", pdf.length, AGREEMENT_TYPES).size())
                .isEqualTo(pdf.length);
    }

    @Test
    void stopsReadingOneBytePastTheLimitOfAnEndlessUpload() throws IOException {
        CountingEndlessStream endless = new CountingEndlessStream();

        assertThatThrownBy(() -> store.store(endless, "a.pdf", TWENTY_MB, AGREEMENT_TYPES))
                .isInstanceOf(FileTooLargeException.class)
                .satisfies(e -> assertThat(((FileTooLargeException) e).arguments()).containsExactly("20"));
        assertThat(endless.read).isEqualTo(TWENTY_MB + 1);
        assertThat(filesUnder(dataDir)).isEmpty();
    }

    @Test
    void refusesAnEmptyFileOnTheFileField() throws IOException {
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(new byte[0]), "a.pdf", TWENTY_MB, AGREEMENT_TYPES))
                .isInstanceOfSatisfying(FieldViolationException.class, e -> assertThat(e.violations())
                        .singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("file");
                            assertThat(v.code()).isEqualTo("EMPTY");
                            assertThat(v.messageKey()).isEqualTo("document.empty");
                        }));
        assertThat(filesUnder(dataDir)).isEmpty();
    }

    @Test
    void keepsTheSameContentOnce() throws IOException {
        byte[] pdf = SampleFiles.onePagePdf();

        StoredFile first = store.store(new ByteArrayInputStream(pdf), "first.pdf", TWENTY_MB, AGREEMENT_TYPES);
        StoredFile second = store.store(new ByteArrayInputStream(pdf), "second.pdf", TWENTY_MB, AGREEMENT_TYPES);

        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(List.of(first.fileName(), second.fileName())).containsExactly("first.pdf", "second.pdf");
        assertThat(filesUnder(dataDir)).singleElement().satisfies(p -> assertThat(p.getFileName()).hasToString(first.sha256()));
    }

    @Test
    void sanitisesTheNameItKeeps() {
        StoredFile stored = store.store(new ByteArrayInputStream(SampleFiles.onePagePdf()), "..\\..\\evil.pdf",
                TWENTY_MB, AGREEMENT_TYPES);

        assertThat(stored.fileName()).isEqualTo("evil.pdf");
    }

    @Test
    void computesTheSm3TestVectorOfGbT32905() {
        StoredFile stored = store.store(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)), "abc.txt",
                TWENTY_MB, Set.of("text/plain"));

        assertThat(stored.sm3()).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(stored.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void opensOnlySha256Names() {
        for (String bad : new String[] {null, "", "../../etc/passwd", "ABCDEF" + "0".repeat(58), "0".repeat(63),
                "0".repeat(64) + "/..", "0".repeat(62) + "/x"}) {
            assertThatThrownBy(() -> store.open(bad)).isInstanceOfSatisfying(NotFoundException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("document.notFound"));
            assertThat(store.exists(bad)).isFalse();
        }
        assertThatThrownBy(() -> store.open("0".repeat(64))).isInstanceOf(NotFoundException.class);
        assertThat(store.exists("0".repeat(64))).isFalse();
    }

    private UnsupportedFileTypeException assertRefusedAsType(byte[] content, String name) {
        try {
            store.store(new ByteArrayInputStream(content), name, TWENTY_MB, AGREEMENT_TYPES);
        } catch (UnsupportedFileTypeException e) {
            assertThat(e.mediaType()).isNotEqualTo(PDF);
            assertThat(e.messageKey()).isEqualTo("document.typeRefused");
            assertThat(e.arguments()).containsExactly(e.mediaType(), "application/pdf, image/jpeg, image/png");
            try {
                assertThat(filesUnder(dataDir)).isEmpty();
            } catch (IOException io) {
                throw new AssertionError(io);
            }
            return e;
        }
        throw new AssertionError(name + " was accepted");
    }

    private static String sm3(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** An upload that never ends, counting what was asked of it. */
    private static final class CountingEndlessStream extends InputStream {

        long read;

        @Override
        public int read() {
            read++;
            return '%';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            read += length;
            return length;
        }
    }
}
