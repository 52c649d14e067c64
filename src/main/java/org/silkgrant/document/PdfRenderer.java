package org.silkgrant.document;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Turns a well-formed XHTML document into an archivable PDF (PDF/A-2u): Noto Sans SC embedded for every text, an
 * sRGB output intent, title and author in the metadata, and for drafts a 「草稿 / DRAFT」 watermark on every page
 * so that a draft printout never passes for the submitted one (FORM.md).
 *
 * <p>The document's CSS names the font family {@link #FONT_FAMILY}; nothing is fetched from outside: images,
 * style sheets and fonts referenced by URL are refused.
 */
@Service
public class PdfRenderer {

    /** The font family the CSS of a rendered document uses; the only font a PDF/A output may use. */
    public static final String FONT_FAMILY = "Noto Sans SC";

    /** The text of the watermark on every page of a draft. */
    public static final String DRAFT_MARK = "草稿 / DRAFT";

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String FONT_DIRECTORY = "fonts/ttf/NotoSansSC/";
    private static final String BASE_CSS = "@page { font-family: '" + FONT_FAMILY + "'; }\n"
            + "body { position: relative; z-index: 0; }\n"
            + "body, table, th, td, div, p, span, h1, h2, h3, h4 { font-family: '"
            + FONT_FAMILY + "'; }\n"
            + ".sg-draft-mark { position: fixed; top: 95mm; left: -5mm; width: 190mm; text-align: center;"
            + " font-family: '" + FONT_FAMILY + "'; font-size: 60pt; font-weight: bold; white-space: nowrap; color: #efc4c4;"
            + " transform: rotate(-40deg); transform-origin: 50% 50%; z-index: -1; }\n";

    private final String author;

    public PdfRenderer() {
        this("SilkGrant");
    }

    PdfRenderer(String author) {
        this.author = author;
    }

    /**
     * Renders {@code xhtml} (a whole XHTML document) to PDF/A-2u.
     *
     * @param title the document title in the PDF metadata
     * @param draft whether every page carries the draft watermark
     * @throws IllegalArgumentException when {@code xhtml} is not well-formed XML
     */
    public byte[] render(String xhtml, String title, boolean draft) {
        Document document = prepared(parse(xhtml), title, draft);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        ParsedFonts fonts = ParsedFonts.borrow();
        boolean rendered = false;
        try (PDDocument pdf = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(pdf);
            // One font object per weight for every family, subset when the document is saved. The generic families
            // too: page margin boxes and anything without a font-family of its own default to serif, and PDF/A
            // allows no font that is not embedded.
            PDFontSupplier regular = new PDFontSupplier(PDType0Font.load(pdf, fonts.regular, true));
            PDFontSupplier bold = new PDFontSupplier(PDType0Font.load(pdf, fonts.bold, true));
            for (String family : new String[] {FONT_FAMILY, "serif", "sans-serif", "monospace"}) {
                builder.useFont(regular, family, 400, FontStyle.NORMAL, true);
                builder.useFont(bold, family, 700, FontStyle.NORMAL, true);
            }
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_U);
            builder.useColorProfile(Fonts.SRGB);
            builder.withProducer("SilkGrant");
            // Nothing leaves the machine or reads its files while rendering: every URL resolves to nothing.
            builder.useUriResolver((base, uri) -> null);
            builder.withW3cDocument(document, null);
            builder.toStream(out);
            builder.run();
            rendered = true;
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the PDF failed", e);
        } finally {
            // A font whose rendering failed half-way is not trusted again.
            if (rendered) {
                fonts.giveBack();
            }
        }
        return out.toByteArray();
    }

    private Document prepared(Document document, String title, boolean draft) {
        Element html = document.getDocumentElement();
        Element head = child(html, "head");
        if (head == null) {
            head = document.createElementNS(XHTML, "head");
            html.insertBefore(head, html.getFirstChild());
        }
        Element titleElement = child(head, "title");
        if (titleElement == null) {
            titleElement = document.createElementNS(XHTML, "title");
            head.insertBefore(titleElement, head.getFirstChild());
        }
        titleElement.setTextContent(title == null || title.isBlank() ? "SilkGrant" : title);
        Element meta = document.createElementNS(XHTML, "meta");
        meta.setAttribute("name", "author");
        meta.setAttribute("content", author);
        head.appendChild(meta);
        Element style = document.createElementNS(XHTML, "style");
        style.setAttribute("type", "text/css");
        style.setTextContent(BASE_CSS);
        // First, so that the document's own CSS may refine it.
        head.insertBefore(style, child(head, "style"));
        Element body = child(html, "body");
        if (draft && body != null) {
            Element mark = document.createElementNS(XHTML, "div");
            mark.setAttribute("class", "sg-draft-mark");
            mark.setTextContent(DRAFT_MARK);
            body.insertBefore(mark, body.getFirstChild());
        }
        return document;
    }

    private static Element child(Element parent, String localName) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node node = children.item(i);
            if (node instanceof Element element
                    && localName.equals(element.getLocalName() != null ? element.getLocalName() : element.getTagName())) {
                return element;
            }
        }
        return null;
    }

    private static Document parse(String xhtml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // No DTDs, no external entities: the document is data, never a way to read files.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return builder.parse(new InputSource(new StringReader(xmlCharactersOnly(xhtml))));
        } catch (SAXException e) {
            throw new IllegalArgumentException("not well-formed XHTML: " + e.getMessage(), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops what XML 1.0 cannot hold (control characters, lone surrogates) but a user may have typed or pasted. */
    static String xmlCharactersOnly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * Noto Sans SC regular and bold, parsed: parsing the 10 MB files for every PDF (three times, with the serif
     * family) took about a seventh of the time of a 20-page application (docs/performance.md). A parsed font reads its tables lazily and is not safe to share
     * between threads, so each rendering borrows a pair of its own; a few idle pairs are kept for the next ones.
     */
    private static final class ParsedFonts {

        private static final int IDLE = 4;
        private static final BlockingQueue<ParsedFonts> idle = new ArrayBlockingQueue<>(IDLE);

        final TrueTypeFont regular;
        final TrueTypeFont bold;

        private ParsedFonts() {
            try {
                regular = new TTFParser().parse(new RandomAccessReadBuffer(Fonts.REGULAR));
                bold = new TTFParser().parse(new RandomAccessReadBuffer(Fonts.BOLD));
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded Noto Sans SC cannot be parsed", e);
            }
        }

        static ParsedFonts borrow() {
            ParsedFonts fonts = idle.poll();
            return fonts != null ? fonts : new ParsedFonts();
        }

        void giveBack() {
            // Beyond the idle ones, a pair is left to the garbage collector (nothing but memory to release).
            idle.offer(this);
        }
    }

    /** The embedded font files (from the ph-fonts jar) and the sRGB profile, read once. */
    private static final class Fonts {

        static final byte[] REGULAR = read(FONT_DIRECTORY + "NotoSansSC-Regular.ttf");
        static final byte[] BOLD = read(FONT_DIRECTORY + "NotoSansSC-Bold.ttf");
        static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

        private static byte[] read(String resource) {
            try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing: com.helger.font:ph-fonts-noto-sans-sc belongs on the class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
