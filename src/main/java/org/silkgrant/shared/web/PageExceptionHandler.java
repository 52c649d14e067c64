package org.silkgrant.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.silkgrant.shared.BusyException;
import org.silkgrant.shared.ForbiddenException;
import org.silkgrant.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * On pages a missing object is the 404 page and a forbidden act the 403 page, rendered by the error controller in the
 * user's language.
 */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    /** A role that may not do what a page form asks (e.g. an expert filing an objection): the 403 page. */
    @ExceptionHandler(ForbiddenException.class)
    void forbidden(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    /** Too much work of one kind at once (e.g. PDFs on deadline day): the error page with 503 and a retry hint. */
    @ExceptionHandler(BusyException.class)
    void busy(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "10");
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
}
