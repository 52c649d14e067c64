/**
 * In-app notices (e-mail comes later): it only listens to other modules' events, e.g. the office's verification
 * decision becomes a notice to the organisation's admins.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "account"})
package org.silkgrant.notification;
