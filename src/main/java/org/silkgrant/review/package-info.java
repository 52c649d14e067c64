/**
 * Expert review: the expert registry (profiles, declared conflicts, Excel import), conflicts of interest,
 * assignment of experts to applications, scoring and ranking.
 */
@org.springframework.modulith.ApplicationModule(displayName = "review",
        allowedDependencies = {"shared", "account", "call", "document", "application", "organization"})
package org.silkgrant.review;
