package org.silkgrant.review;

/**
 * A new expert and the credentials the office hands over: the user name and the initial password (shown once,
 * never stored in clear or logged; null when the office chose the password itself).
 */
public record CreatedExpert(ExpertView expert, String username, String initialPassword) {
}
