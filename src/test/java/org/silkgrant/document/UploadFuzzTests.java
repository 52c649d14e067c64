package org.silkgrant.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.silkgrant.shared.FieldViolationException;

/**
 * Whatever arrives as a file name comes out clean, and whatever arrives as content is kept or refused with one of the
 * upload refusals, never another failure. Plain Surefire replays the committed seeds in
 * {@code src/test/resources/org/silkgrant/document/UploadFuzzTestsInputs/} (hostile names, a PDF with a script, a PNG
 * followed by a page, a truncated zip …); {@code JAZZER_FUZZ=1} fuzzes them.
 */
class UploadFuzzTests {

    private static final Set<String> OTHER = Set.of(SampleFiles.PDF, SampleFiles.JPEG, SampleFiles.PNG,
            ContentTypes.DOCX, ContentTypes.XLSX);
    private static final String[] TYPES = {SampleFiles.PDF, SampleFiles.PNG, SampleFiles.JPEG, ContentTypes.DOCX,
            "application/x-unknown"};
    /** Prefixes that steer random bytes into each inspector. */
    private static final byte[][] PREFIXES = {new byte[0], "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII),
            java.util.Arrays.copyOf(SampleFiles.png(), 8), {(byte) 0xff, (byte) 0xd8, (byte) 0xff},
            {'P', 'K', 3, 4}};

    private static Path dataDir;
    private static FileStore store;

    /** As in CreditCodeFuzzTests: no instrumentation hooks unless really fuzzing. */
    @BeforeAll
    static void setUp() throws IOException {
        String fuzz = System.getenv("JAZZER_FUZZ");
        if ((fuzz == null || fuzz.isEmpty()) && System.getProperty("jazzer.hooks") == null) {
            System.setProperty("jazzer.hooks", "false");
        }
        dataDir = Files.createTempDirectory("upload-fuzz-");
        store = new FileStore(dataDir.toString());
    }

    @AfterAll
    static void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The input's first byte picks the detected type, the rest (UTF-8) is the name as sent. */
    @FuzzTest(maxDuration = "30s")
    void anyNameComesOutClean(byte[] input) {
        String type = input.length == 0 ? SampleFiles.PDF : TYPES[Math.floorMod(input[0], TYPES.length)];
        String name = new String(input, Math.min(1, input.length), Math.max(0, input.length - 1), StandardCharsets.UTF_8);
        assertCleanName(name, type);
    }

    /** The input's first byte picks a prefix (none, PDF, PNG, JPEG, zip), the rest follows it as the content. */
    @FuzzTest(maxDuration = "60s")
    void anyContentIsKeptOrRefusedAsAnUpload(byte[] input) {
        byte[] prefix = input.length == 0 ? PREFIXES[0] : PREFIXES[Math.floorMod(input[0], PREFIXES.length)];
        byte[] content = SampleFiles.concat(prefix, java.util.Arrays.copyOfRange(input, Math.min(1, input.length),
                input.length));
        assertKeptOrRefused(content);
    }

    @ParameterizedTest
    @MethodSource("randomNames")
    void randomNamesComeOutClean(String name) {
        for (String type : TYPES) {
            assertCleanName(name, type);
        }
    }

    static void assertCleanName(String name, String type) {
        String kept = FileNames.sanitize(name, type);

        assertThat(kept).isNotEmpty().isEqualTo(Normalizer.normalize(kept, Normalizer.Form.NFC));
        assertThat(kept.codePointCount(0, kept.length())).isLessThanOrEqualTo(FileNames.MAX_LENGTH);
        assertThat(kept.codePoints()).noneMatch(c -> switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> "<>:\"/\\|?*".indexOf(c) >= 0;
        });
        assertThat(kept).doesNotStartWith(".").doesNotStartWith(" ").doesNotEndWith(".").doesNotEndWith(" ")
                .doesNotContain("  ");
        assertThat(FileNames.sanitize(kept, type)).as("cleaning twice changes nothing").isEqualTo(kept);
        if (!ContentTypes.extensions(type).isEmpty()) {
            String extension = kept.substring(kept.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
            assertThat(ContentTypes.extensions(type)).as("the extension of %s", kept).contains(extension);
        }
    }

    static void assertKeptOrRefused(byte[] content) {
        try {
            StoredFile stored = store.store(new ByteArrayInputStream(content), "upload", 20L * 1024 * 1024, OTHER);
            assertThat(OTHER).contains(stored.mediaType());
        } catch (UnsupportedFileTypeException | UnsafeFileException e) {
            assertThat(e.getMessage()).isNotBlank();
        } catch (FieldViolationException e) {
            assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.code()).isEqualTo("EMPTY"));
        }
    }

    /**
     * Random names of 0–300 UTF-16 code units drawn from letters of several scripts, controls, bidi marks, lone
     * surrogates, separators and reserved characters; fixed seed so a failure repeats.
     */
    static Stream<String> randomNames() {
        String pool = "ab.AB 合作协议Соглашение كېلىشىم.pdf.exe\u0000\u0007\u001b\u007f\u0085\u009b\u202a\u202e\u2066\u2069"
                + "\u200e\u200f\u061c\u200b\ufeff\u2028\u3000\ud83d\ude00\ud800\udc00e\u0301<>:\"/\\|?*%_ \t\r\n";
        Random random = new Random(13);
        return IntStream.range(0, 2000).mapToObj(n -> {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(n % 10 == 0 ? 300 : 30);
            for (int i = 0; i < length; i++) {
                name.append(pool.charAt(random.nextInt(pool.length())));
            }
            return name.toString();
        });
    }
}
