package org.silkgrant.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Office documents are told apart by the main part their package declares, not by the .docx/.xlsx name. */
class ContentTypesTests {

    private static final Set<String> OTHER_ATTACHMENT_TYPES = Set.of(SampleFiles.PDF, SampleFiles.JPEG, SampleFiles.PNG,
            ContentTypes.DOCX, ContentTypes.XLSX);

    @TempDir
    Path dataDir;

    private FileStore store;

    @BeforeEach
    void setUp() {
        store = new FileStore(dataDir.toString());
    }

    @Test
    void knowsAWordDocument() {
        assertThat(stored(SampleFiles.docx(), "协议.docx").mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void knowsAnExcelWorkbook() {
        assertThat(stored(SampleFiles.xlsx(), "budget.xlsx").mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void namesAWordDocumentWithMacrosWhatItIs() {
        assertRefusedAs(SampleFiles.docxWithMacros(), ContentTypes.DOCM);
    }

    @Test
    void refusesAPackageWhoseMainPartIsMissing() {
        assertRefusedAs(SampleFiles.ooxmlWithoutMainPart(), "application/x-tika-ooxml");
    }

    @Test
    void refusesAPackageWhoseOverrideHasNoContentTypeInsteadOfFailing() {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<Types><Override PartName=\"/word/document.xml\"/></Types>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        entries.put("word/document.xml", new byte[] {'<', 'x', '/', '>'});
        byte[] zip = SampleFiles.zipOf(entries);

        assertRefusedAs(zip, "application/x-tika-ooxml");
    }

    @Test
    void refusesAPlainZipNamedDocx() {
        assertRefusedAs(SampleFiles.plainZip(), "application/zip");
    }

    private StoredFile stored(byte[] content, String name) {
        return store.store(new ByteArrayInputStream(content), name, 1024 * 1024, OTHER_ATTACHMENT_TYPES);
    }

    private void assertRefusedAs(byte[] content, String mediaType) {
        assertThatThrownBy(() -> stored(content, "report.docx")).isInstanceOfSatisfying(UnsupportedFileTypeException.class,
                e -> assertThat(e.mediaType()).isEqualTo(mediaType));
    }
}
