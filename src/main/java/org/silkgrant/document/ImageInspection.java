package org.silkgrant.document;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.silkgrant.document.UnsafeFileException.Reason;

/**
 * PNG and JPEG walked by their structure, never decoded: the image must end where its format says (PNG's IEND chunk,
 * JPEG's EOI marker) with at most padding after it, and its declared size must stay within a pixel budget (a
 * 100,000 × 100,000 PNG of a few kilobytes would take 40 GB to show). One pass over the file; no pixel is read.
 */
final class ImageInspection {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int IHDR = 0x49484452;
    private static final int IEND = 0x49454e44;
    /** Images one JPEG file may hold one after the other (the primary image and gain maps or previews, MPF). */
    private static final int MAX_JPEG_IMAGES = 8;

    private ImageInspection() {
    }

    static void png(Path file, long maxPixels) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] signature = new byte[8];
            in.readFully(signature);
            if (!java.util.Arrays.equals(signature, PNG_SIGNATURE)) {
                throw new UnsafeFileException(Reason.IMAGE_DAMAGED);
            }
            boolean first = true;
            while (true) {
                long length = Integer.toUnsignedLong(in.readInt());
                int type = in.readInt();
                if (length > Integer.MAX_VALUE || !chunkType(type) || first && type != IHDR) {
                    throw new UnsafeFileException(Reason.IMAGE_DAMAGED);
                }
                if (type == IHDR) {
                    if (!first || length != 13) {
                        throw new UnsafeFileException(Reason.IMAGE_DAMAGED);
                    }
                    pixels(Integer.toUnsignedLong(in.readInt()), Integer.toUnsignedLong(in.readInt()), maxPixels);
                    skip(in, length - 8 + 4);
                } else {
                    skip(in, length + 4);
                }
                first = false;
                if (type == IEND) {
                    break;
                }
            }
            if (!UploadInspection.onlyPadding(in)) {
                throw new UnsafeFileException(Reason.TRAILING_DATA);
            }
        } catch (EOFException e) {
            // The file ends inside a chunk or before IEND.
            throw new UnsafeFileException(Reason.IMAGE_DAMAGED);
        }
    }

    static void jpeg(Path file, long maxPixels) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int images = 0;
            int next = in.read();
            // A JPEG that holds more images (MPF gain maps of phone photos) has them right after the first one's EOI.
            while (next == 0xff && images < MAX_JPEG_IMAGES) {
                if (in.read() != 0xd8) {
                    throw new UnsafeFileException(Reason.IMAGE_DAMAGED);
                }
                jpegImage(in, maxPixels);
                images++;
                next = in.read();
                while (next >= 0 && UploadInspection.padding((byte) next)) {
                    next = in.read();
                }
            }
            if (images == 0) {
                throw new UnsafeFileException(Reason.IMAGE_DAMAGED);
            }
            if (next >= 0) {
                throw new UnsafeFileException(Reason.TRAILING_DATA);
            }
        } catch (EOFException e) {
            throw new UnsafeFileException(Reason.IMAGE_DAMAGED);
        }
    }

    /** One image from just after its SOI to its EOI; segments are skipped by their length, scan data scanned. */
    private static void jpegImage(InputStream in, long maxPixels) throws IOException {
        int marker = nextMarker(in);
        while (true) {
            if (marker == 0xd9) {
                return;
            }
            if (marker == 0xd8 || marker == 0x00) {
                throw new UnsafeFileException(Reason.IMAGE_DAMAGED);
            }
            if (marker >= 0xd0 && marker <= 0xd7 || marker == 0x01) {
                // Restart markers and TEM stand alone.
                marker = nextMarker(in);
                continue;
            }
            int length = (read(in) << 8) | read(in);
            if (length < 2) {
                throw new UnsafeFileException(Reason.IMAGE_DAMAGED);
            }
            boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (frame) {
                if (length < 7) {
                    throw new UnsafeFileException(Reason.IMAGE_DAMAGED);
                }
                read(in);
                long height = (read(in) << 8) | read(in);
                long width = (read(in) << 8) | read(in);
                pixels(width, height, maxPixels);
                skip(in, length - 7);
            } else {
                skip(in, length - 2);
            }
            marker = marker == 0xda ? afterScan(in) : nextMarker(in);
        }
    }

    /** Reads entropy-coded data up to the marker that ends it (an FF not followed by 00 or a restart marker). */
    private static int afterScan(InputStream in) throws IOException {
        while (true) {
            int b = read(in);
            if (b != 0xff) {
                continue;
            }
            int m = read(in);
            while (m == 0xff) {
                m = read(in);
            }
            if (m != 0x00 && !(m >= 0xd0 && m <= 0xd7)) {
                return m;
            }
        }
    }

    private static int nextMarker(InputStream in) throws IOException {
        if (read(in) != 0xff) {
            throw new UnsafeFileException(Reason.IMAGE_DAMAGED);
        }
        int m = read(in);
        while (m == 0xff) {
            m = read(in);
        }
        return m;
    }

    private static void pixels(long width, long height, long maxPixels) {
        if (width == 0 || height == 0) {
            throw new UnsafeFileException(Reason.IMAGE_DAMAGED);
        }
        if (width * height > maxPixels) {
            throw new UnsafeFileException(Reason.IMAGE_PIXELS, width + " × " + height,
                    java.math.BigDecimal.valueOf(maxPixels).movePointLeft(6).stripTrailingZeros().toPlainString());
        }
    }

    private static boolean chunkType(int type) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = (type >>> shift) & 0xff;
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    private static int read(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
