package org.silkgrant.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.InvalidIdentifierException;
import org.silkgrant.shared.TranslatedException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Errors of the JSON API as RFC 9457 problem details, with translated titles, details and field errors. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    /** One field error of a {@code 422} problem. */
    record FieldError(String field, String code, String message) {
    }

    @ExceptionHandler(InvalidIdentifierException.class)
    ResponseEntity<ProblemDetail> invalidIdentifier(InvalidIdentifierException e, Locale locale) {
        return invalid(List.of(new FieldError(e.field(), e.code(), messages.getMessage(e.messageKey(), null, locale))), locale);
    }

    /** Every translated failure (not found, wrong state, too large, type refused …) with its own status. */
    @ExceptionHandler(TranslatedException.class)
    ResponseEntity<ProblemDetail> translated(TranslatedException e, Locale locale) {
        String detail = messages.getMessage(e.messageKey(), e.arguments(), locale);
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.valueOf(e.httpStatus()), e.problemType(), detail,
                locale);
        if (e.field() != null) {
            // An upload refused as too large (413) or of the wrong type (415) names its field like a 422 does.
            String code = e.problemType().toUpperCase(Locale.ROOT).replace('-', '_');
            response.getBody().setProperties(Map.of("errors", List.of(new FieldError(e.field(), code, detail))));
        }
        return response;
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> conflict(ObjectOptimisticLockingFailureException e, Locale locale) {
        return problem(HttpStatus.CONFLICT, "version-conflict", messages.getMessage("error.versionConflict", null, locale), locale);
    }

    @ExceptionHandler(FieldViolationException.class)
    ResponseEntity<ProblemDetail> violation(FieldViolationException e, Locale locale) {
        List<FieldError> errors = e.violations().stream().map(v -> new FieldError(v.field(), v.code(),
                messages.getMessage(v.messageKey(), v.arguments(), locale))).toList();
        return invalid(errors, locale);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Locale locale = request.getLocale();
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getCode(), messages.getMessage(f, locale))).toList();
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(invalid(errors, locale).getBody());
    }

    private ResponseEntity<ProblemDetail> invalid(List<FieldError> errors, Locale locale) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid",
                messages.getMessage("error.invalid", null, locale), locale);
        response.getBody().setProperties(Map.of("errors", errors));
        return response;
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://silkgrant.org/problems/" + type));
        problem.setTitle(messages.getMessage("error." + status.value() + ".title", null, status.getReasonPhrase(), locale));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
