package org.silkgrant.review.assignment;

/** An (application, expert) pair by their ids. */
public record Pair(long applicationId, long expertId) {
}
