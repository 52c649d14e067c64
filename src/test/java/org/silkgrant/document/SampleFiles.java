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

/** Real files of each kind an applicant uploads, and the disguised ones an attacker would, built in memory. */
final class SampleFiles {

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";

    private SampleFiles() {
    }

    /** A small, well-formed one-page PDF with a correct cross-reference table. */
    static byte[] onePagePdf() {
        String text = "BT /F1 12 Tf 72 760 Td (Cooperation Agreement) Tj ET";
        List<String> objects = List.of("<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
                "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
                "<</Length " + text.length() + ">>stream\n" + text + "\nendstream",
                "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>");
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
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] png() {
        return image("png");
    }

    static byte[] jpeg() {
        return image("jpeg");
    }

    /** The start of a Windows PE executable: DOS stub header, e_lfanew at 0x3c, "PE\0\0" and an i386 COFF header. */
    static byte[] peExecutable() {
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
    static byte[] elfExecutable() {
        byte[] elf = new byte[256];
        byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(header, 0, elf, 0, header.length);
        elf[16] = 2; // ET_EXEC
        elf[18] = 0x3e; // EM_X86_64
        elf[20] = 1;
        return elf;
    }

    static byte[] html() {
        return "<!DOCTYPE html>\n<html><head><title>Agreement</title></head><body><script>alert(1)</script></body></html>\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A minimal Word document: [Content_Types].xml, the package relationships and word/document.xml. */
    static byte[] docx() {
        return ooxml("word/document.xml", "word/document.xml", ContentTypes.DOCX + ".main+xml",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
                        + "<w:t>合作协议</w:t></w:r></w:p></w:body></w:document>", Map.of());
    }

    /** A minimal Excel workbook. */
    static byte[] xlsx() {
        return ooxml("xl/workbook.xml", "xl/workbook.xml", ContentTypes.XLSX + ".main+xml",
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>", Map.of());
    }

    /** A Word document that claims to be a plain .docx but carries a VBA project. */
    static byte[] docxWithMacros() {
        return ooxml("word/document.xml", "word/document.xml", ContentTypes.DOCX + ".main+xml",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>",
                Map.of("word/vbaProject.bin", new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0}));
    }

    /** A zip whose first entry is [Content_Types].xml but whose main part is missing. */
    static byte[] ooxmlWithoutMainPart() {
        return ooxml("word/document.xml", "word/other.xml", ContentTypes.DOCX + ".main+xml", "<x/>", Map.of());
    }

    static byte[] plainZip() {
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
