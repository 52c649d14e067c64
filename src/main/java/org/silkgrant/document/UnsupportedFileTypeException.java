package org.silkgrant.document;

import java.util.Set;
import java.util.TreeSet;

import org.silkgrant.shared.TranslatedException;

/** An upload whose content is not an allowed type, whatever its name says (the API answers {@code 415}). */
public class UnsupportedFileTypeException extends TranslatedException {

    private final String mediaType;
    private final Set<String> allowed;

    public UnsupportedFileTypeException(String mediaType, Set<String> allowed) {
        super("document.typeRefused", mediaType, String.join(", ", new TreeSet<>(allowed)));
        this.mediaType = mediaType;
        this.allowed = Set.copyOf(allowed);
    }

    /** The type the content was detected as. */
    public String mediaType() {
        return mediaType;
    }

    public Set<String> allowed() {
        return allowed;
    }

    @Override
    public int httpStatus() {
        return 415;
    }

    @Override
    public String problemType() {
        return "type-refused";
    }

    @Override
    public String field() {
        return "file";
    }
}
