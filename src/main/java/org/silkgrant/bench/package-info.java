/**
 * Load-test support, off unless asked for: the seeding command for the deadline-rush benchmark and the ceiling
 * endpoint it measures against (docs/performance.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.silkgrant.bench;
