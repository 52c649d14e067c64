/**
 * Research integrity: the program office's list of organisations and people barred from applying (科研失信名单),
 * which the eligibility rule INTEGRITY_RECORD checks.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.silkgrant.integrity;
