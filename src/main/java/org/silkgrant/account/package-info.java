/**
 * Users, roles, login and the security of every request. Until the account model arrives, the demo accounts
 * live in memory.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.silkgrant.account;
