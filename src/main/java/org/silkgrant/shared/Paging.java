package org.silkgrant.shared;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Bounds of every paged list (docs/security.md "Limits"): pages are numbered 0 … {@value #MAX_PAGE}, so that page times
 * size never overflows what a database offset holds, and each list has its own largest size. The API refuses a page
 * or size outside these bounds with {@code 422} naming it ({@link #check}); pages of the site, whose links make the
 * numbers, are served the nearest page that exists within them ({@link #of}).
 */
public final class Paging {

    /** The highest page number anyone may ask for. */
    public static final int MAX_PAGE = 100_000;

    private Paging() {
    }

    /** Refuses a page outside 0 … {@value #MAX_PAGE} or a size outside 1 … {@code maxSize}, naming the parameter. */
    public static void check(int page, int size, int maxSize) {
        if (page < 0 || page > MAX_PAGE) {
            throw new FieldViolationException("page", "RANGE", "input.page.RANGE", MAX_PAGE);
        }
        if (size < 1 || size > maxSize) {
            throw new FieldViolationException("size", "RANGE", "input.size.RANGE", maxSize);
        }
    }

    /** A page request that every database serves: page clamped to 0 … {@value #MAX_PAGE}, size to 1 … maxSize. */
    public static PageRequest of(int page, int size, int maxSize, Sort sort) {
        return PageRequest.of(page(page), size(size, maxSize), sort);
    }

    /** A page request without order, clamped like {@link #of(int, int, int, Sort)}. */
    public static PageRequest of(int page, int size, int maxSize) {
        return of(page, size, maxSize, Sort.unsorted());
    }

    /** The page number clamped to 0 … {@value #MAX_PAGE}. */
    public static int page(int page) {
        return Math.min(Math.max(page, 0), MAX_PAGE);
    }

    /** The size clamped to 1 … maxSize. */
    public static int size(int size, int maxSize) {
        return Math.min(Math.max(size, 1), maxSize);
    }
}
