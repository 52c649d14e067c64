/**
 * Awards: the office's funding decisions, the public notice (公示) of a call's approved applications, objections
 * filed during it and their answers, and the award of each noticed application when the notice ends without an
 * upheld objection (docs/award.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "call", "application", "account", "review"})
package org.silkgrant.award;
