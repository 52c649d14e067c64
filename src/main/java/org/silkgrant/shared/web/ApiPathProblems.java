package org.silkgrant.shared.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests that reach no controller (an API path that does not exist, a method or content type no endpoint of the
 * path takes): under {@code /api/} the same translated problem+json as every other API error, elsewhere the error page
 * as before. {@link ApiExceptionHandler} only sees requests that found their controller.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class ApiPathProblems {

    private final ApiExceptionHandler api;

    ApiPathProblems(ApiExceptionHandler api) {
        this.api = api;
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ProblemDetail> noSuchPath(Exception e, HttpServletRequest request, HttpServletResponse response,
            Locale locale) throws IOException {
        if (!isApi(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return null;
        }
        return api.noSuchPath(locale);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request,
            HttpServletResponse response, Locale locale) throws IOException {
        if (!isApi(request)) {
            if (e.getSupportedHttpMethods() != null) {
                response.setHeader(HttpHeaders.ALLOW, String.join(", ",
                        e.getSupportedHttpMethods().stream().map(Object::toString).toList()));
            }
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return null;
        }
        return api.methodNotSupported(e, locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request,
            HttpServletResponse response, Locale locale) throws IOException {
        if (!isApi(request)) {
            response.sendError(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
            return null;
        }
        return api.mediaTypeNotSupported(e, locale);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
