package org.silkgrant.document;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/**
 * Real files of each kind an applicant uploads, and the disguised and hostile ones an attacker would, built in memory
 * (public: the application and review tests upload them too).
 */
public final class SampleFiles {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";

    private SampleFiles() {
    }

    /** A small, well-formed one-page PDF with a correct cross-reference table. */
    public static byte[] onePagePdf() {
        return pdf("", "");
    }

    /**
     * The one-page PDF with {@code catalog} added to its catalog and {@code page} to its page dictionary, and
     * {@code more} as objects 6, 7, … (uncompressed, as a hand-made attack would be).
     */
    public static byte[] pdf(String catalog, String page, String... more) {
        String text = "BT /F1 12 Tf 72 760 Td (Cooperation Agreement) Tj ET";
        List<String> objects = new ArrayList<>(List.of("<</Type/Catalog/Pages 2 0 R" + catalog + ">>",
                "<</Type/Pages/Kids[3 0 R]/Count 1>>",
                "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R"
                        + page + ">>",
                "<</Length " + text.length() + ">>stream\n" + text + "\nendstream",
                "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"));
        objects.addAll(List.of(more));
        StringBuilder out = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.length());
            out.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> out.append(String.format("%010d 00000 n \n", o)));
        out.append("trailer\n<</Size ").append(objects.size() + 1).append("/Root 1 0 R>>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A cooperation agreement with a web page and a script appended after its %%EOF (a PDF/HTML polyglot). */
    public static byte[] pdfWithAppendedHtml() {
        return concat(onePagePdf(), "\n<html><body><script>document.location='https://evil.example/'</script></body></html>\n"
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** A PDF whose catalog runs JavaScript when it opens (/OpenAction). */
    public static byte[] pdfWithJavaScriptOpenAction() {
        return pdf("/OpenAction 6 0 R", "", "<</Type/Action/S/JavaScript/JS(app.alert\\(1\\))>>");
    }

    /** A PDF with an executable in its /EmbeddedFiles name tree. */
    public static byte[] pdfWithEmbeddedFile() {
        return pdf("/Names<</EmbeddedFiles 6 0 R>>", "", "<</Names[(invoice.exe) 7 0 R]>>",
                "<</Type/Filespec/F(invoice.exe)/EF<</F 8 0 R>>>>",
                "<</Type/EmbeddedFile/Length 2>>stream\nMZ\nendstream");
    }

    /**
     * A PDF made by PDFBox with its objects in compressed object streams and a JavaScript /OpenAction among them
     * (when {@code script}), or the same without: the script is found only after decoding an object stream.
     */
    public static byte[] compressedPdf(boolean script) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            org.apache.pdfbox.pdmodel.interactive.action.PDActionURI link =
                    new org.apache.pdfbox.pdmodel.interactive.action.PDActionURI();
            link.setURI("https://kjt.xinjiang.gov.cn/");
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink annotation =
                    new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink();
            annotation.setAction(link);
            annotation.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(72, 700, 200, 20));
            document.getPage(0).getAnnotations().add(annotation);
            if (script) {
                document.getDocumentCatalog().setOpenAction(
                        new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert(1)"));
            }
            document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.DEFAULT_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF made by PDFBox that opens only with the password "user" (when {@code userPassword}) or with none. */
    public static byte[] encryptedPdf(boolean userPassword) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            org.apache.pdfbox.pdmodel.encryption.AccessPermission permissions =
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission();
            permissions.setCanModify(false);
            org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy policy =
                    new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner-secret",
                            userPassword ? "user" : "", permissions);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PDF whose cross-reference stream lists object 6 in an object stream (object 7) that inflates to
     * {@code expandedBytes} of spaces: a few kilobytes that PDFBox would decode whole into memory. With
     * {@code bombInXref} the cross-reference stream itself is the bomb.
     */
    public static byte[] pdfWithObjectStreamBomb(long expandedBytes, boolean bombInXref) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        List<Long> offsets = new ArrayList<>();
        java.util.function.Consumer<String> write = text -> out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        write.accept("%PDF-1.5\n");
        String[] plain = {"<</Type/Catalog/Pages 2 0 R/Extra 6 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
                "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>", "<</Length 0>>stream\n\nendstream", "null"};
        for (int i = 0; i < plain.length; i++) {
            offsets.add((long) out.size());
            write.accept((i + 1) + " 0 obj\n" + plain[i] + "\nendobj\n");
        }
        // Object 7: the object stream holding object 6 at offset 0, then spaces.
        byte[] header = "6 0 ".getBytes(StandardCharsets.US_ASCII);
        byte[] objects = bombInXref ? deflate(concat(header, "<</A 1>>".getBytes(StandardCharsets.US_ASCII)), 0)
                : deflate(concat(header, "<</A 1>>".getBytes(StandardCharsets.US_ASCII)), expandedBytes);
        offsets.add((long) out.size());
        write.accept("7 0 obj\n<</Type/ObjStm/N 1/First " + header.length + "/Filter/FlateDecode/Length "
                + objects.length + ">>stream\n");
        out.writeBytes(objects);
        write.accept("\nendstream\nendobj\n");
        // Object 8: the cross-reference stream (W 1 4 2): 0 free, 1–5 and 7 in the file, 6 in stream 7, 8 itself.
        long xrefOffset = out.size();
        java.io.ByteArrayOutputStream rows = new java.io.ByteArrayOutputStream();
        row(rows, 0, 0, 65535);
        for (int i = 0; i < 5; i++) {
            row(rows, 1, offsets.get(i), 0);
        }
        row(rows, 2, 7, 0);
        row(rows, 1, offsets.get(5), 0);
        row(rows, 1, xrefOffset, 0);
        byte[] xref = deflate(rows.toByteArray(), bombInXref ? expandedBytes : 0);
        write.accept("8 0 obj\n<</Type/XRef/Size 9/W[1 4 2]/Root 1 0 R/Filter/FlateDecode/Length " + xref.length
                + ">>stream\n");
        out.writeBytes(xref);
        write.accept("\nendstream\nendobj\nstartxref\n" + xrefOffset + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void row(java.io.ByteArrayOutputStream rows, int type, long field2, int field3) {
        rows.write(type);
        for (int shift = 24; shift >= 0; shift -= 8) {
            rows.write((int) (field2 >>> shift) & 0xff);
        }
        rows.write(field3 >>> 8 & 0xff);
        rows.write(field3 & 0xff);
    }

    /** zlib of {@code data} followed by {@code padding} spaces, written without holding the padding in memory. */
    static byte[] deflate(byte[] data, long padding) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(bytes,
                new java.util.zip.Deflater(9))) {
            out.write(data);
            byte[] spaces = new byte[1 << 16];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (long left = padding; left > 0; left -= spaces.length) {
                out.write(spaces, 0, (int) Math.min(spaces.length, left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpeg");
    }

    /** A PNG signature followed by a web page: a browser that sniffs would show it as HTML. */
    public static byte[] pngHeaderThenHtml() {
        return concat(java.util.Arrays.copyOf(png(), 8), html());
    }

    /** A real PNG with {@code extra} after its IEND chunk. */
    public static byte[] pngFollowedBy(byte[] extra) {
        return concat(png(), extra);
    }

    /** A real JPEG with {@code extra} after its EOI marker. */
    public static byte[] jpegFollowedBy(byte[] extra) {
        return concat(jpeg(), extra);
    }

    /** A PNG of a few bytes whose header declares {@code width} × {@code height} pixels. */
    public static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(java.util.Arrays.copyOf(png(), 8));
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", deflate(new byte[] {0}, 0));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(8).putInt(data.length)
                .put(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(head.array());
        out.writeBytes(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A Word document with one more entry of {@code bytes} zeros, which compresses about 1000:1. */
    public static byte[] docxWithZeros(String entry, int bytes) {
        return ooxml("word/document.xml", "word/document.xml", ContentTypes.DOCX + ".main+xml",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>",
                Map.of(entry, new byte[bytes]));
    }

    /** A Word document with {@code count} more tiny entries. */
    public static byte[] docxWithEntries(int count) {
        Map<String, byte[]> extra = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            extra.put("word/x/" + i, new byte[0]);
        }
        return ooxml("word/document.xml", "word/document.xml", ContentTypes.DOCX + ".main+xml",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>",
                extra);
    }

    /** A Word document with more entries as given (names and content), after its own. */
    public static byte[] docxWith(Map<String, byte[]> extra) {
        return ooxml("word/document.xml", "word/document.xml", ContentTypes.DOCX + ".main+xml",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>",
                extra);
    }

    /** A minimal Excel workbook with more entries as given. */
    public static byte[] xlsxWith(Map<String, byte[]> extra) {
        return ooxml("xl/workbook.xml", "xl/workbook.xml", ContentTypes.XLSX + ".main+xml",
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>", extra);
    }

    /** A zip of the given entries, in order. */
    public static byte[] zipOf(Map<String, byte[]> entries) {
        return zip(entries);
    }

    /** A real Word document written by Apache POI, with a paragraph in Chinese and a hyperlink. */
    public static byte[] poiDocx() {
        try (org.apache.poi.xwpf.usermodel.XWPFDocument document = new org.apache.poi.xwpf.usermodel.XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("合作协议：双方的科技投入、分工与知识产权归属");
            document.createParagraph().createHyperlinkRun("https://kjt.xinjiang.gov.cn/").setText("科技厅");
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real Excel workbook written by Apache POI, a budget of a few rows. */
    public static byte[] poiXlsx() {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("预算");
            for (int r = 0; r < 50; r++) {
                sheet.createRow(r).createCell(0).setCellValue("设备费 " + r);
                sheet.getRow(r).createCell(1).setCellValue(r * 1.5);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** The start of a Windows PE executable: DOS stub header, e_lfanew at 0x3c, "PE\0\0" and an i386 COFF header. */
    public static byte[] peExecutable() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[2] = (byte) 0x90;
        exe[0x3c] = (byte) 0x80;
        byte[] stub = "This program cannot be run in DOS mode.\r\r\n$".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4e, stub.length);
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        exe[0x84] = 0x4c; // IMAGE_FILE_MACHINE_I386
        exe[0x85] = 0x01;
        exe[0x86] = 0x03; // three sections
        return exe;
    }

    /** The start of a 64-bit Linux ELF executable (ET_EXEC, x86-64). */
    public static byte[] elfExecutable() {
        byte[] elf = new byte[256];
        byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(header, 0, elf, 0, header.length);
        elf[16] = 2; // ET_EXEC
        elf[18] = 0x3e; // EM_X86_64
        elf[20] = 1;
        return elf;
    }

    public static byte[] html() {
        return "<!DOCTYPE html>\n<html><head><title>Agreement</title></head><body><script>alert(1)</script></body></html>\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A minimal Word document: [Content_Types].xml, the package relationships and word/document.xml. */
    public static byte[] docx() {
        return ooxml("word/document.xml", "word/document.xml", ContentTypes.DOCX + ".main+xml",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
                        + "<w:t>合作协议</w:t></w:r></w:p></w:body></w:document>", Map.of());
    }

    /** A minimal Excel workbook. */
    public static byte[] xlsx() {
        return ooxml("xl/workbook.xml", "xl/workbook.xml", ContentTypes.XLSX + ".main+xml",
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>", Map.of());
    }

    /** A Word document that claims to be a plain .docx but carries a VBA project. */
    public static byte[] docxWithMacros() {
        return ooxml("word/document.xml", "word/document.xml", ContentTypes.DOCX + ".main+xml",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>",
                Map.of("word/vbaProject.bin", new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0}));
    }

    /** A zip whose first entry is [Content_Types].xml but whose main part is missing. */
    public static byte[] ooxmlWithoutMainPart() {
        return ooxml("word/document.xml", "word/other.xml", ContentTypes.DOCX + ".main+xml", "<x/>", Map.of());
    }

    public static byte[] plainZip() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("readme.txt", "hello".getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    private static byte[] ooxml(String declaredPart, String mainPart, String mainType, String mainXml,
            Map<String, byte[]> extra) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        // [Content_Types].xml first, as Word, Excel and LibreOffice write it; tika-core's magic looks there.
        entries.put("[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/" + declaredPart + "\" ContentType=\"" + mainType + "\"/></Types>")
                .getBytes(StandardCharsets.UTF_8));
        entries.put("_rels/.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                + "officeDocument\" Target=\"" + declaredPart + "\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
        entries.put(mainPart, ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + mainXml)
                .getBytes(StandardCharsets.UTF_8));
        entries.putAll(extra);
        return zip(entries);
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                image.setRGB(x, y, new Color(x * 16, y * 16, 128).getRGB());
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
