/**
 * Files and their fingerprints: the content-addressed store that accepts an upload only for what its bytes
 * really are, and the SM3 digests and SM2 signatures that let anyone check a submission receipt offline.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.silkgrant.document;
