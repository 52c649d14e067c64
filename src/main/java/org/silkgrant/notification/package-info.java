/**
 * Notifications: it only listens to other modules' events. Every transition of an application and every
 * verification decision becomes a notice in the inbox of each person concerned and, after the change commits, a
 * mail in their language; deadline reminders go out on a schedule (docs/notifications.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "account",
        "application", "call", "award", "review"})
package org.silkgrant.notification;
