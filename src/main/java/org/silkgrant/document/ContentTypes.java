package org.silkgrant.document;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/** Names what a file is from its bytes alone, never from its name. */
final class ContentTypes {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final String DOCM = "application/vnd.ms-word.document.macroEnabled.12";
    static final String XLSM = "application/vnd.ms-excel.sheet.macroEnabled.12";
    static final String PPTM = "application/vnd.ms-powerpoint.presentation.macroEnabled.12";

    /** tika-core alone has no zip container detector: it calls any zip starting with [Content_Types].xml this. */
    private static final Set<String> ZIP_TYPES = Set.of("application/x-tika-ooxml", "application/zip");
    /** The content type an OOXML package declares for its main part, and the file type that makes it. */
    private static final Map<String, String> MAIN_PARTS = Map.of(
            DOCX + ".main+xml", DOCX,
            XLSX + ".main+xml", XLSX,
            PPTX + ".main+xml", PPTX,
            "application/vnd.ms-word.document.macroEnabled.main+xml", DOCM,
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml", XLSM,
            "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml", PPTM);
    private static final Map<String, String> WITH_MACROS = Map.of(DOCX, DOCM, XLSX, XLSM, PPTX, PPTM);
    private static final Pattern OVERRIDE = Pattern.compile("<(?:\\w+:)?Override\\b[^>]*>");
    private static final int MAX_CONTENT_TYPES_BYTES = 1 << 20;

    /** The file name extensions of each type a call may allow, the usual one first (without the dot, lower case). */
    private static final Map<String, List<String>> EXTENSIONS = Map.of(
            "application/pdf", List.of("pdf"),
            "image/png", List.of("png"),
            "image/jpeg", List.of("jpg", "jpeg", "jpe", "jfif"),
            DOCX, List.of("docx"),
            XLSX, List.of("xlsx"),
            PPTX, List.of("pptx"),
            "text/plain", List.of("txt"));

    /** Tika's default detector (mime magic, thread-safe); built once because it parses the whole type registry. */
    private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

    private ContentTypes() {
    }

    /** The extensions a file of this type is named with, the usual one first; empty for other types. */
    static List<String> extensions(String mediaType) {
        return EXTENSIONS.getOrDefault(mediaType, List.of());
    }

    /** {@link #detect(Path, FilesProperties.Inspection)} with the default limits. */
    static String detect(Path file) throws IOException {
        return detect(file, FilesProperties.Inspection.DEFAULTS);
    }

    /**
     * The base media type of the file's content, OOXML packages named by their real type. A zip's central directory
     * is checked against the limits before its [Content_Types].xml is read.
     *
     * @throws UnsafeFileException when the archive's directory breaks a limit
     */
    static String detect(Path file, FilesProperties.Inspection limits) throws IOException {
        MediaType type;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            // Empty metadata on purpose: given a resource name, Tika would let "x.pdf" decide for unreadable bytes.
            type = DETECTOR.detect(in, new Metadata());
        }
        String base = type.getBaseType().toString();
        if (!ZIP_TYPES.contains(base)) {
            return base;
        }
        ZipInspection.centralDirectory(file, limits);
        return ooxml(file).orElse(base);
    }

    /** The type an OOXML package declares for its main part, when that part is really in the archive. */
    private static Optional<String> ooxml(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var types = zip.getEntry("[Content_Types].xml");
            if (types == null) {
                return Optional.empty();
            }
            String xml;
            try (InputStream in = zip.getInputStream(types)) {
                // Bounded: a crafted archive could inflate this one entry to gigabytes.
                xml = new String(in.readNBytes(MAX_CONTENT_TYPES_BYTES), StandardCharsets.UTF_8);
            }
            // Scanned as text, not parsed: no XML parser (and no entity expansion) for an untrusted upload.
            Matcher override = OVERRIDE.matcher(xml);
            while (override.find()) {
                // An Override without a ContentType (Map.of refuses a null key): not a main part.
                String declared = attribute(override.group(), "ContentType");
                String type = declared == null ? null : MAIN_PARTS.get(declared);
                String part = attribute(override.group(), "PartName");
                if (type != null && part != null && zip.getEntry(part.replaceFirst("^/", "")) != null) {
                    // Word and Excel refuse a .docx/.xlsx with macros, but other readers run them: name it what it is.
                    boolean macros = zip.stream().anyMatch(e -> e.getName().toLowerCase().endsWith("vbaproject.bin"));
                    return Optional.of(macros ? WITH_MACROS.getOrDefault(type, type) : type);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            // Not a readable archive: it stays the plain zip Tika saw, which no attachment kind allows.
            return Optional.empty();
        }
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\b" + name + "\\s*=\\s*([\"'])(.*?)\\1").matcher(tag);
        return m.find() ? m.group(2) : null;
    }
}
