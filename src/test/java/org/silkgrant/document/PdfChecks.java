package org.silkgrant.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.core.EncryptedPdfException;
import org.verapdf.core.ModelParsingException;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/** What tests check of a generated PDF: its text layer as a reader copies it, and PDF/A-2u by veraPDF. */
public final class PdfChecks {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfChecks() {
    }

    /** The text PDFBox extracts, i.e. what search and copy give. */
    public static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    public static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    /** Asserts veraPDF finds the PDF compliant with PDF/A-2u, listing the failed rules otherwise. */
    public static void assertPdfA2u(byte[] pdf) throws IOException, ModelParsingException, EncryptedPdfException,
            ValidationException {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_U);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_U, false)) {
            ValidationResult result = validator.validate(parser);
            String failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().collect(Collectors.joining("\n"));
            assertThat(result.getPDFAFlavour()).isEqualTo(PDFAFlavour.PDFA_2_U);
            assertThat(result.isCompliant()).as("PDF/A-2u failures:%n%s", failures).isTrue();
        }
    }

    /** Renders the pages to PNG at 60 dpi with poppler's pdftoppm into target/screenshots, when it is installed. */
    public static void screenshots(byte[] pdf, String name) throws IOException, InterruptedException {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".pdf");
        Files.write(file, pdf);
        try {
            new ProcessBuilder("pdftoppm", "-r", "60", "-png", file.toString(), dir.resolve(name).toString())
                    .inheritIO().start().waitFor();
        } catch (IOException notInstalled) {
            // poppler-utils absent: the PDF itself stays for a look.
        }
    }
}
