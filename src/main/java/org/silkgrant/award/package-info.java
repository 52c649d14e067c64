/**
 * Awards: the office's funding decisions — beside each application's review standing, summed per category against
 * the call's fiscal budget envelope, changeable until publication — the public notice (公示) of a call's approved
 * applications, objections filed during it (applicants, organisation admins, and the public where the call allows
 * it) and their answers, and the award of each noticed application when the notice ends without an upheld
 * objection (docs/award.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "call", "application", "account", "review"})
package org.silkgrant.award;
