package org.silkgrant.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** XHTML with Chinese to PDF/A-2u: the text layer holds the real characters, and drafts say so on every page. */
class PdfRendererTests {

    private static final String XHTML = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
            <head><style>@page { size: A4; margin: 20mm; @bottom-center { content: "第 " counter(page) " 页"; } }
            h1 { font-weight: bold; } .next { page-break-before: always; }</style></head>
            <body>
            <h1>上合计划项目申报书</h1>
            <p>项目目标：建立阿尔泰区域生态监测网络。目录、页码与 Latin text 1234.</p>
            <p style="margin-top: 60mm; font-size: 14pt">覆盖水印区域的正文文字，水印应在文字之后，不遮挡正文。覆盖水印区域的正文文字，水印应在文字之后，不遮挡正文。</p>
            <p class="next">第二页的内容 &lt;script&gt;alert(1)&lt;/script&gt;</p>
            </body></html>
            """;

    private final PdfRenderer renderer = new PdfRenderer();

    @Test
    void chineseTextIsExtractedAsTheRealCharactersNotLookAlikeRadicals() throws Exception {
        byte[] pdf = renderer.render(XHTML, "上合计划项目申报书", false);

        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = PdfChecks.text(pdf);
        assertThat(text).contains("申报书", "目", "页", "项目目标", "第 1 页", "第 2 页", "Latin text 1234",
                "<script>alert(1)</script>");
        // 目 U+76EE and 页 U+9875, not the Kangxi/CJK radicals ⽬ U+2F6C and ⻚ U+2EDA.
        assertThat(text).doesNotContain("\u2F6C", "\u2EDA").doesNotContain("DRAFT");
        assertThat(PdfChecks.pages(pdf)).isEqualTo(2);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("上合计划项目申报书");
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("SilkGrant");
        }
    }

    @Test
    void theOutputIsValidPdfA2u() throws Exception {
        PdfChecks.assertPdfA2u(renderer.render(XHTML, "申报书", false));
        PdfChecks.assertPdfA2u(renderer.render(XHTML, "申报书", true));
    }

    @Test
    void aDraftCarriesTheWatermarkOnEveryPage() throws Exception {
        byte[] pdf = renderer.render(XHTML, "申报书", true);
        PdfChecks.screenshots(pdf, "renderer-draft");

        String text = PdfChecks.text(pdf);
        assertThat(text.replaceAll("\\s", "").split("DRAFT", -1)).hasSize(3);
        assertThat(text).contains("草稿");
    }

    @Test
    void refusesWhatIsNotWellFormed() {
        assertThatThrownBy(() -> renderer.render("<html><body><p>未闭合</body></html>", "x", false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
