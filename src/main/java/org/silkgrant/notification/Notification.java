package org.silkgrant.notification;

import java.util.List;
import java.util.Map;

/**
 * One thing to tell one person: written to their inbox and, once that commits, mailed to them in their language.
 * Carried as an event through the publication registry, so it is retried until the mail is out.
 *
 * @param arguments       the headline's arguments: 0 title (or organisation name), 1 actor, 2 receipt number,
 *                        3 deadline (Asia/Shanghai), 4 number of applications, 5 hours left
 * @param sectionComments the office's comments per section on a return
 * @param sourceKey       the event and the person's part in it; a notice is written once per person and key
 */
record Notification(Long recipientId, Kind kind, Long applicationId, List<String> arguments, String comment,
        Map<String, String> sectionComments, String sourceKey) {

    Notification {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        sectionComments = sectionComments == null ? Map.of() : Map.copyOf(sectionComments);
    }

    static List<String> arguments(String title, String actor, String receipt, String deadline, Integer count,
            Integer hours) {
        return java.util.Arrays.asList(nz(title), nz(actor), nz(receipt), nz(deadline),
                count == null ? "" : String.valueOf(count), hours == null ? "" : String.valueOf(hours));
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
