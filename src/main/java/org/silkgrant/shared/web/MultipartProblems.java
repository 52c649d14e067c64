package org.silkgrant.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * An upload the container cannot read (a NUL in a file name, a broken multipart body) is a malformed request, not a
 * server error: {@code 400} (or {@code 413} beyond {@code spring.servlet.multipart.max-request-size}), as problem+json
 * under {@code /api/}, the error page elsewhere. The multipart request is parsed before any controller is chosen, so
 * this advice applies to every handler, unlike the API's and the pages' own.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class MultipartProblems {

    private final MessageSource messages;

    MultipartProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadable(MultipartException e, HttpServletRequest request,
            HttpServletResponse response, Locale locale) throws IOException {
        HttpStatus status = e instanceof MaxUploadSizeExceededException ? HttpStatus.CONTENT_TOO_LARGE
                : HttpStatus.BAD_REQUEST;
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.sendError(status.value());
            return null;
        }
        String key = status == HttpStatus.BAD_REQUEST ? "error.uploadMalformed" : "error.uploadTooLarge";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, null, locale));
        problem.setType(URI.create("https://silkgrant.org/problems/"
                + (status == HttpStatus.BAD_REQUEST ? "malformed-upload" : "too-large")));
        problem.setTitle(messages.getMessage("error." + status.value() + ".title", null, status.getReasonPhrase(), locale));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Replaces Boot's resolver (same bean name), which answers a 500 for an undecodable {@code filename*}. */
    @Configuration(proxyBeanMethods = false)
    static class Resolver {

        @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
        MultipartResolver multipartResolver() {
            return new LenientMultipartResolver();
        }
    }
}
