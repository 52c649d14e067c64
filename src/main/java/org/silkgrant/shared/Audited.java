package org.silkgrant.shared;

/**
 * An event the audit record keeps: who did what to which object, from where, with what outcome. Modules publish
 * such events; the audit module only listens, so it depends on no module.
 */
public interface Audited {

    /** The user name of who acted, or {@code anonymous}. */
    String actor();

    /** What happened, e.g. {@code LOGIN_FAILED}, {@code ORGANIZATION_VERIFIED}. */
    String action();

    /** The kind of object acted on, e.g. {@code USER}, {@code ORGANIZATION}; null when none. */
    String targetType();

    /** The id of the object acted on; null when none. */
    String targetId();

    /** The client's address as the server saw it; null when not from a request. */
    String clientAddress();

    /** {@code SUCCESS} or {@code FAILURE}. */
    String outcome();

    /** A short description without personal data or secrets; may be null. */
    String detail();

    /** The actor's role when acting, e.g. {@code ORG_ADMIN}; null when unknown or not signed in. */
    default String role() {
        return null;
    }
}
