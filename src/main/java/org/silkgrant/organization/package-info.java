/**
 * Organisations that apply: self-registration with credit-code and division checks, verification by the program
 * office, and the organisation admin's management of its own people.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "account"})
package org.silkgrant.organization;
