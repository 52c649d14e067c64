/**
 * The append-only record of security-relevant events (sign-in, lockout, passwords, roles, verification
 * decisions): it only listens to {@link org.silkgrant.shared.Audited} events and lets the audit admin read it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.silkgrant.audit;
