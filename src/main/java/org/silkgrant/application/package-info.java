/**
 * Applications (申报书) to a call: their content section by section and the eligibility checklist that decides
 * whether one may be submitted.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "call", "organization", "account", "document", "integrity"})
package org.silkgrant.application;
