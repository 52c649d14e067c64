package org.silkgrant.application;

import org.silkgrant.account.SilkGrantUser;

/**
 * Read access that another module grants on a submitted application, consulted after the application module's own
 * rules (leader, organisation, department, office): the review module lets an expert read an application they have
 * confirmed to review. A grant only ever reads the submitted snapshot, never a draft.
 */
public interface ReadGrants {

    /** Whether {@code user} may read the submitted application {@code applicationId}. */
    boolean mayRead(SilkGrantUser user, long applicationId);
}
