/**
 * Small value types every module may use: localized texts, the demo switch, not-found signals.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.silkgrant.shared;
