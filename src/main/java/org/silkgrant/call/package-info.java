/**
 * Programs and calls for proposals: call definitions (YAML, such as the 2023 SCO guide), their scopes, fields,
 * partner regions, rule parameters and schedule, and the public pages that present them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.silkgrant.call;
