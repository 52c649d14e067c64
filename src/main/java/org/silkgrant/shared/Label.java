package org.silkgrant.shared;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A code (a status, an action) as an argument of a translated message: the message source shows its label in the
 * reader's language ({@code prefix + NAME}), so no enum name reaches a page or an API message.
 */
public final class Label {

    private Label() {
    }

    /** The label under {@code prefix + value.name()}, e.g. {@code applications.status.SUBMITTED}. */
    public static MessageSourceResolvable of(String prefix, Enum<?> value) {
        if (value == null) {
            return new DefaultMessageSourceResolvable(new String[] {"input.label.none"}, "-");
        }
        return new DefaultMessageSourceResolvable(new String[] {prefix + value.name()}, value.name());
    }
}
