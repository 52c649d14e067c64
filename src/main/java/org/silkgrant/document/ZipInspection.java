package org.silkgrant.document;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.silkgrant.document.UnsafeFileException.Reason;

/**
 * Office documents (.docx, .xlsx, .pptx are zip archives) and any other zip, checked in two steps. First the central
 * directory alone, before any entry is read (also by the type detection): the number of entries, the sizes they
 * declare together and each entry's compression ratio, and their names. Then every entry is inflated once, counting
 * what really comes out (a directory may lie), with archives inside the archive checked the same way to one level,
 * and the Office parts that run code or load things from elsewhere refused.
 */
final class ZipInspection {

    /** Entries smaller than this expand as they like: small XML parts compress far beyond 100:1. */
    static final long RATIO_GRACE_BYTES = 100 * 1024;
    /** Relationship parts are read as text up to this size. */
    private static final int MAX_RELATIONSHIPS_BYTES = 1 << 20;

    private static final Pattern RELATIONSHIP = Pattern.compile("<(?:\\w+:)?Relationship\\b[^>]*>");
    private static final Pattern EXTERNAL = Pattern.compile("\\bTargetMode\\s*=\\s*([\"'])External\\1");
    private static final Pattern TYPE = Pattern.compile("\\bType\\s*=\\s*([\"'])(.*?)\\1");
    private static final byte[] LOCAL_HEADER = {'P', 'K', 3, 4};
    /** What a zip stream reader may have read ahead of the entry it returns. */
    private static final long READ_AHEAD_BYTES = 1024;

    private ZipInspection() {
    }

    /** The central directory of the archive, before anything reads an entry. */
    static void centralDirectory(Path file, FilesProperties.Inspection limits) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.zipMaxEntries()) {
                throw new UnsafeFileException(Reason.ZIP_ENTRIES, String.valueOf(limits.zipMaxEntries()));
            }
            long declared = 0;
            Set<String> names = new HashSet<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                name(entry.getName(), names);
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size < 0 || compressed < 0) {
                    throw new UnsafeFileException(Reason.ZIP_DAMAGED);
                }
                declared += size;
                if (declared > limits.zipMaxExpandedSize().toBytes()) {
                    throw expanded(limits);
                }
                ratio(size, compressed, limits);
            }
        } catch (ZipException e) {
            throw new UnsafeFileException(Reason.ZIP_DAMAGED);
        } catch (IOException e) {
            throw new UnsafeFileException(Reason.ZIP_DAMAGED);
        }
    }

    /** Every entry inflated and counted; nested archives, macros, ActiveX, OLE objects and external links. */
    static void contents(Path file, FilesProperties.Inspection limits) {
        Budget budget = new Budget(limits);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                budget.entry();
                if (entry.isDirectory()) {
                    continue;
                }
                activeParts(entry.getName());
                long compressed = entry.getCompressedSize();
                try (InputStream in = new BufferedInputStream(zip.getInputStream(entry))) {
                    entry(in, entry.getName(), entry.getSize(), () -> compressed, 0, budget);
                }
            }
        } catch (UnsafeFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Inflating failed (corrupt data, an encrypted entry, an unsupported method).
            throw new UnsafeFileException(Reason.ZIP_DAMAGED);
        }
    }

    /**
     * One entry, counted as it inflates against the size its directory declares ({@code -1}: none) and the compressed
     * bytes it came from so far.
     */
    private static void entry(InputStream in, String name, long declared, LongSupplier compressed, int depth,
            Budget budget) throws IOException {
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        if (java.util.Arrays.equals(head, LOCAL_HEADER)) {
            if (depth > 0) {
                throw new UnsafeFileException(Reason.ZIP_NESTED);
            }
            nested(in, budget);
            return;
        }
        boolean relationships = name.toLowerCase(Locale.ROOT).endsWith(".rels");
        StringBuilder text = relationships ? new StringBuilder() : null;
        byte[] buffer = new byte[16 * 1024];
        long size = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            size += read;
            budget.spend(read);
            if (declared >= 0 && size > declared) {
                // More than the directory says: a directory that lies about sizes hides a bomb.
                throw new UnsafeFileException(Reason.ZIP_DAMAGED);
            }
            ratio(size, compressed.getAsLong(), budget.limits);
            if (text != null && text.length() < MAX_RELATIONSHIPS_BYTES) {
                text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
        }
        if (text != null) {
            externalRelationships(text.toString());
        }
    }

    /** An archive inside the archive (Word keeps a chart's data as an embedded .xlsx): read as a stream, one level. */
    private static void nested(InputStream in, Budget budget) throws IOException {
        // A stream has no directory: the compressed bytes an entry came from are those the zip reader took for it
        // (plus its read-ahead buffer).
        CountingInputStream counted = new CountingInputStream(in);
        ZipInputStream zip = new ZipInputStream(counted);
        Set<String> names = new HashSet<>();
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
            budget.entry();
            name(entry.getName(), names);
            activeParts(entry.getName());
            if (!entry.isDirectory()) {
                long start = counted.count;
                entry(new BufferedInputStream(zip), entry.getName(), entry.getSize(),
                        () -> counted.count - start + READ_AHEAD_BYTES, 1, budget);
            }
        }
    }

    /** The bytes read through it. */
    private static final class CountingInputStream extends java.io.FilterInputStream {

        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int read = super.read(b, off, len);
            count += Math.max(read, 0);
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    private static void name(String name, Set<String> seen) {
        String normalised = name.replace('\\', '/');
        boolean bad = name.isEmpty() || name.indexOf('\\') >= 0 || normalised.startsWith("/")
                || normalised.matches("^[A-Za-z]:.*") || ("/" + normalised + "/").contains("/../")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || !seen.add(normalised.toLowerCase(Locale.ROOT));
        if (bad) {
            throw new UnsafeFileException(Reason.ZIP_NAMES);
        }
    }

    private static void ratio(long size, long compressed, FilesProperties.Inspection limits) {
        if (compressed >= 0 && size > RATIO_GRACE_BYTES && size > Math.max(compressed, 1) * limits.zipMaxRatio()) {
            throw new UnsafeFileException(Reason.ZIP_RATIO, String.valueOf(limits.zipMaxRatio()));
        }
    }

    /** Macros (vbaProject.bin), ActiveX controls and OLE objects (embedded .bin: packages, old equation objects). */
    private static void activeParts(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('\\', '/');
        String file = n.substring(n.lastIndexOf('/') + 1);
        if (file.equals("vbaproject.bin") || file.equals("vbadata.xml") || n.contains("/activex/")
                || n.startsWith("activex/") || n.contains("embeddings/") && file.endsWith(".bin")) {
            throw new UnsafeFileException(Reason.OFFICE_ACTIVE);
        }
    }

    /**
     * A relationship that a reader follows by itself when the document opens (an attached template, an OLE object or
     * frame elsewhere: "remote template" attacks) is refused; links the reader clicks (hyperlinks) stay.
     */
    private static void externalRelationships(String xml) {
        Matcher relationship = RELATIONSHIP.matcher(xml);
        while (relationship.find()) {
            String tag = relationship.group();
            if (EXTERNAL.matcher(tag).find()) {
                Matcher type = TYPE.matcher(tag);
                if (!type.find() || !type.group(2).endsWith("/hyperlink")) {
                    throw new UnsafeFileException(Reason.OFFICE_EXTERNAL);
                }
            }
        }
    }

    private static UnsafeFileException expanded(FilesProperties.Inspection limits) {
        return new UnsafeFileException(Reason.ZIP_EXPANDED,
                FileTooLargeException.megabytes(limits.zipMaxExpandedSize().toBytes()));
    }

    /** What one upload may inflate, nested archives included. */
    private static final class Budget {

        final FilesProperties.Inspection limits;
        long bytes;
        long entries;

        Budget(FilesProperties.Inspection limits) {
            this.limits = limits;
        }

        void spend(long read) {
            bytes += read;
            if (bytes > limits.zipMaxExpandedSize().toBytes()) {
                throw expanded(limits);
            }
        }

        void entry() {
            if (++entries > limits.zipMaxEntries()) {
                throw new UnsafeFileException(Reason.ZIP_ENTRIES, String.valueOf(limits.zipMaxEntries()));
            }
        }
    }
}
