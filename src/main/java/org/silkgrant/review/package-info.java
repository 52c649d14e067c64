/**
 * Expert review of accepted applications: the expert registry (profiles, declared conflicts, Excel import),
 * conflicts of interest computed for a whole call, the optimal assignment of experts to applications (a min-cost
 * flow), scoring and ranking.
 */
@org.springframework.modulith.ApplicationModule(displayName = "review",
        allowedDependencies = {"shared", "account", "call", "document", "application", "organization"})
package org.silkgrant.review;
