package org.silkgrant.document;

import org.silkgrant.shared.FieldViolationException;

/**
 * An upload of an allowed type whose content breaks the upload policy (docs/security.md, "Uploads"): active content,
 * data hidden after the end of the file, an archive that expands too far. Refused on the field {@code file} with the
 * reason as its code and in words (the API answers {@code 422}); nothing is kept.
 */
public class UnsafeFileException extends FieldViolationException {

    /** Why an upload is refused, with the message that says it to the user. */
    public enum Reason {
        /** JavaScript in a PDF (actions, the document's name tree, form fields) or a javascript: link. */
        PDF_SCRIPT("document.pdfScript"),
        /** A PDF action that starts a program, opens or imports another file or sends form data. */
        PDF_ACTION("document.pdfAction"),
        /** Files embedded in a PDF (attachments, file annotations, rich media). */
        PDF_EMBEDDED("document.pdfEmbedded"),
        /** An XFA form (XML forms that carry their own scripts and that most readers cannot show). */
        PDF_XFA("document.pdfXfa"),
        /** A PDF that needs a password to open: it cannot be checked, nor read by the office. */
        PDF_ENCRYPTED("document.pdfEncrypted"),
        /** Not readable as a PDF. */
        PDF_DAMAGED("document.pdfDamaged"),
        /** Data after the end of the file (after the PDF's last %%EOF, the PNG's IEND, the JPEG's EOI). */
        TRAILING_DATA("document.trailingData"),
        /** Web page or script markup inside a PDF, image or archive: a file meant to be read as two things. */
        MARKUP("document.markup"),
        /** Not readable as the image it claims to be. */
        IMAGE_DAMAGED("document.imageDamaged"),
        /** More pixels than an image of a document needs. */
        IMAGE_PIXELS("document.imagePixels"),
        /** More entries than a document has. */
        ZIP_ENTRIES("document.zipEntries"),
        /** Expands to more than the limit. */
        ZIP_EXPANDED("document.zipExpanded"),
        /** An entry compressed more than real content compresses (a zip bomb). */
        ZIP_RATIO("document.zipRatio"),
        /** An archive inside an archive inside an archive. */
        ZIP_NESTED("document.zipNested"),
        /** Entry names that reach outside the archive or repeat. */
        ZIP_NAMES("document.zipNames"),
        /** Not readable as an archive, or its directory does not match its content. */
        ZIP_DAMAGED("document.zipDamaged"),
        /** Macros, ActiveX controls or embedded OLE objects in an Office document. */
        OFFICE_ACTIVE("document.officeActive"),
        /** An Office document that loads a template or object from elsewhere when opened. */
        OFFICE_EXTERNAL("document.officeExternal"),
        /** Too complex to check within the limits. */
        TOO_COMPLEX("document.tooComplex");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final Reason reason;

    public UnsafeFileException(Reason reason, Object... arguments) {
        super("file", reason.name(), reason.messageKey(), arguments);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
