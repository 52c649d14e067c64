package org.silkgrant.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.ContentDisposition;

/** Uploaded names lose paths and dangerous characters but keep their language and extension. */
class FileNamesTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            ../../x.pdf                          | x.pdf
            ..\\..\\evil.pdf                     | evil.pdf
            C:\\Users\\a\\合作协议.pdf            | 合作协议.pdf
            /etc/passwd                          | passwd
            '<script>alert(1)</script>.pdf'      | script.pdf
            '报告<script>alert(1)<.script>.pdf'   | 报告scriptalert(1).script.pdf
            'a:b*c?d"e|f.pdf'                    | abcdef.pdf
            '  ..  项目   申报书 ..pdf'           | 项目 申报书.pdf
            'Соглашение о сотрудничестве.pdf'    | Соглашение о сотрудничестве.pdf
            '..'                                 | file
            '.pdf'                               | file.pdf
            '<>.pdf'                             | file.pdf
            'report.'                            | report
            'no extension'                       | no extension
            """)
    void sanitises(String original, String expected) {
        assertThat(FileNames.sanitize(original)).isEqualTo(expected);
    }

    @Test
    void dropsControlAndDirectionCharacters() {
        assertThat(FileNames.sanitize("re\u0000po\u0007rt\u001b.pdf")).isEqualTo("report.pdf");
        assertThat(FileNames.sanitize("line\r\nbreak\t.pdf")).isEqualTo("line break.pdf");
        // U+202E would show "invoice‮fdp.exe" as "invoiceexe.pdf".
        assertThat(FileNames.sanitize("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.sanitize(null)).isEqualTo("file");
    }

    @Test
    void dropsEveryBidiControlNulAndC1Control() {
        String controls = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C"
                + "\u0000\u0001\u0002\u007F\u0080\u009B\u009F\u200B\uFEFF";
        assertThat(FileNames.sanitize("合作" + controls + "协议.pdf")).isEqualTo("合作协议.pdf");
        // Decomposed 协议 stays as typed, é is composed (NFC): one name, however the browser sent it.
        assertThat(FileNames.sanitize("Accord_e\u0301te\u0301.pdf")).isEqualTo("Accord_\u00e9t\u00e9.pdf");
        // Uyghur (Arabic script) names keep their letters; only the direction marks go.
        assertThat(FileNames.sanitize("\u200Fكېلىشىم\u200E.pdf")).isEqualTo("كېلىشىم.pdf");
    }

    @ParameterizedTest(name = "{0} holding {1} → {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            'invoice\u202Efdp.exe'  | application/pdf | invoicefdp.exe.pdf
            'agreement.pdf.exe'     | application/pdf | agreement.pdf.exe.pdf
            合作协议.PDF             | application/pdf | 合作协议.PDF
            scan.jpeg               | image/jpeg      | scan.jpeg
            scan.JPG                | image/jpeg      | scan.JPG
            scan.png                | image/jpeg      | scan.png.jpg
            report                  | application/pdf | report.pdf
            budget.xls              | application/vnd.openxmlformats-officedocument.spreadsheetml.sheet | budget.xls.xlsx
            notes                   | application/x-unknown | notes
            ''                      | image/png       | file.png
            """)
    void endsInTheExtensionOfWhatTheContentIs(String original, String mediaType, String expected) {
        assertThat(FileNames.sanitize(original.translateEscapes(), mediaType)).isEqualTo(expected);
    }

    @Test
    void addsTheRealExtensionWithinThe120Characters() {
        String name = FileNames.sanitize("合".repeat(200) + ".exe", "application/pdf");

        assertThat(name.codePointCount(0, name.length())).isEqualTo(120);
        assertThat(name).endsWith("合.pdf");
    }

    @Test
    void limitsLongNamesTo120CharactersKeepingTheExtension() {
        String name = FileNames.sanitize("合".repeat(150) + "a".repeat(150) + ".pdf");

        assertThat(name.codePointCount(0, name.length())).isEqualTo(120);
        assertThat(name).isEqualTo("合".repeat(116) + ".pdf");
    }

    @Test
    void cutsLongNamesBetweenCharactersNotInsideThem() {
        String name = FileNames.sanitize("😀".repeat(200) + ".png");

        assertThat(name).isEqualTo("😀".repeat(116) + ".png");
    }

    @Test
    void buildsAnAsciiFallbackAndTheExactUtf8Name() {
        String header = FileStore.contentDisposition("合作协议 2023.pdf");

        assertThat(header).isEqualTo("attachment; filename=\"____ 2023.pdf\"; "
                + "filename*=UTF-8''%E5%90%88%E4%BD%9C%E5%8D%8F%E8%AE%AE%202023.pdf");
        assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("合作协议 2023.pdf");
    }

    @Test
    void keepsQuotesAndLineBreaksOutOfTheHeader() {
        String header = FileStore.contentDisposition("a\"b\\c%d\r\nSet-Cookie: x.pdf");

        assertThat(header).isEqualTo("attachment; filename=\"a_b_c_d__Set-Cookie: x.pdf\"; "
                + "filename*=UTF-8''a%22b%5Cc%25d%0D%0ASet-Cookie%3A%20x.pdf");
        assertThat(header).doesNotContain("\r", "\n");
        ContentDisposition parsed = ContentDisposition.parse(header);
        assertThat(parsed.getFilename()).isEqualTo("a\"b\\c%d\r\nSet-Cookie: x.pdf");
        assertThat(parsed.getCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(parsed.isAttachment()).isTrue();
    }
}
