/**
 * Expert review of accepted applications: the expert registry, conflicts of interest computed for a whole call,
 * the optimal assignment of experts to applications (a min-cost flow), scoring, ranking and the decision.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"application", "call", "shared"})
package org.silkgrant.review;
