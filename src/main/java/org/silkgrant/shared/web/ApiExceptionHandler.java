package org.silkgrant.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.silkgrant.shared.ContentTooLargeException;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.InvalidIdentifierException;
import org.silkgrant.shared.MalformedRequestException;
import org.silkgrant.shared.StrictJson;
import org.silkgrant.shared.TranslatedException;
import org.silkgrant.shared.UnknownFieldsException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;

/**
 * Errors of the JSON API as RFC 9457 problem details, with translated titles, details and field errors. Every text
 * comes from the message bundles (docs/security.md "Error messages"): no exception message, class or type name, and
 * nothing Jackson or Spring wrote reaches the client.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    static final String TYPES = "https://silkgrant.org/problems/";

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

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

    /** A JSON body over the limit or nested too deeply: {@code 413}, titled as a request (not a file) too large. */
    @ExceptionHandler(ContentTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(ContentTooLargeException e, Locale locale) {
        ResponseEntity<ProblemDetail> response = translated(e, locale);
        response.getBody().setTitle(messages.getMessage("input.title.bodyTooLarge", null, locale));
        return response;
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> conflict(ObjectOptimisticLockingFailureException e, Locale locale) {
        return problem(HttpStatus.CONFLICT, "version-conflict", messages.getMessage("error.versionConflict", null, locale), locale);
    }

    /** Fields the body's schema does not have: {@code 400}, each named, nothing changed. */
    @ExceptionHandler(UnknownFieldsException.class)
    ResponseEntity<ProblemDetail> unknownFields(UnknownFieldsException e, Locale locale) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "unknown-fields",
                messages.getMessage("input.unknownFields", null, locale), locale);
        response.getBody().setProperties(Map.of("errors", errors(e, locale)));
        return response;
    }

    @ExceptionHandler(FieldViolationException.class)
    ResponseEntity<ProblemDetail> violation(FieldViolationException e, Locale locale) {
        return invalid(errors(e, locale), locale);
    }

    /**
     * A role that may not do this ({@code @PreAuthorize}, decided before the body is read, or the service's check):
     * {@code 403} in the caller's language. Without a sign-in the security chain answers {@code 401} instead.
     */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e, Locale locale) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || TRUST.isAnonymous(authentication)) {
            throw e;
        }
        return problem(HttpStatus.FORBIDDEN, "forbidden", messages.getMessage("input.forbidden", null, locale), locale);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Locale locale = locale();
        RuntimeException problem = e.getCause() instanceof JacksonException jackson ? StrictJson.problem(jackson, "")
                : new MalformedRequestException(e.getCause() == null ? "input.json.bodyMissing" : "input.json.malformed.nowhere");
        if (problem instanceof UnknownFieldsException unknown) {
            return object(unknownFields(unknown, locale));
        }
        if (problem instanceof FieldViolationException violation) {
            return object(violation(violation, locale));
        }
        if (problem instanceof ContentTooLargeException tooLarge) {
            return object(tooLarge(tooLarge, locale));
        }
        if (problem instanceof TranslatedException translated) {
            return object(translated(translated, locale));
        }
        return object(problem(HttpStatus.BAD_REQUEST, "malformed",
                messages.getMessage("input.json.malformed.nowhere", null, locale), locale));
    }

    /**
     * A query parameter that is not of its type ({@code page=abc}, {@code status=FOO}): {@code 422} naming it and
     * saying what is expected. A path segment that is not an id is a resource that does not exist: {@code 404}.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Locale locale = locale();
        if (e instanceof MethodArgumentTypeMismatchException mismatch
                && mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return object(problem(HttpStatus.NOT_FOUND, "not-found",
                    messages.getMessage("input.path.notFound", null, locale), locale));
        }
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        return object(violation(expected(name == null ? "parameter" : name, e), locale));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return object(violation(new FieldViolationException(e.getParameterName(), "REQUIRED", "input.parameter.required"),
                locale()));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return object(violation(new FieldViolationException(e.getRequestPartName(), "REQUIRED", "input.parameter.required"),
                locale()));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = locale();
        if (e instanceof MissingRequestHeaderException header) {
            return object(violation(new FieldViolationException(header.getHeaderName(), "REQUIRED",
                    "input.header.required"), locale));
        }
        return object(problem(HttpStatus.BAD_REQUEST, "malformed", messages.getMessage("input.request.malformed", null,
                locale), locale));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<ProblemDetail> response = mediaTypeNotSupported(e, locale());
        return ResponseEntity.status(response.getStatusCode()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The answer cannot be in a type the client accepts, so it is JSON without a body type negotiation.
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                        messages.getMessage("input.notAcceptable", null, locale()), locale()).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<ProblemDetail> response = methodNotSupported(e, locale());
        return ResponseEntity.status(response.getStatusCode()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return object(noSuchPath(locale()));
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return object(noSuchPath(locale()));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return object(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large",
                messages.getMessage("input.upload.tooLarge", null, locale()), locale()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return object(invalid(bindingErrors(e.getBindingResult(), locale()), locale()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = locale();
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .map(r -> new FieldError(r.getMethodParameter().getParameterName(), "INVALID_VALUE",
                        messages.getMessage("input.field.invalid", null, locale)))
                .toList();
        return object(invalid(errors, locale));
    }

    /**
     * The last word on every problem the Spring base class answers by itself: its title and detail are replaced by
     * translated ones for the status, so no framework text is ever sent.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || !problem.getType().toString().startsWith(TYPES))) {
            Locale locale = locale();
            HttpStatus known = HttpStatus.resolve(status.value());
            ProblemDetail replaced = ProblemDetail.forStatusAndDetail(status,
                    messages.getMessage("input.status." + status.value(), null,
                            messages.getMessage("input.status.other", null, locale), locale));
            replaced.setType(URI.create(TYPES + "request"));
            replaced.setTitle(title(status.value(), known == null ? "" : known.getReasonPhrase(), locale));
            replaced.setInstance(problem.getInstance());
            body = replaced;
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    /** The translated field errors of a form-style binding ({@code @ModelAttribute} filters, {@code @Valid} bodies). */
    private List<FieldError> bindingErrors(BindingResult result, Locale locale) {
        return result.getFieldErrors().stream().map(f -> {
            if (f.contains(TypeMismatchException.class)) {
                FieldViolationException expected = expected(f.getField(), f.unwrap(TypeMismatchException.class));
                return errors(expected, locale).get(0);
            }
            String code = f.getCode();
            if ("NotNull".equals(code) || "NotBlank".equals(code) || "NotEmpty".equals(code)) {
                return new FieldError(f.getField(), "REQUIRED", messages.getMessage("input.field.required", null, locale));
            }
            return new FieldError(f.getField(), code == null ? "INVALID_VALUE" : code, messages.getMessage(
                    "input.field.invalid", null, locale));
        }).toList();
    }

    /** What is expected of a parameter that could not be converted: its type in words, or a number in range. */
    private static FieldViolationException expected(String field, TypeMismatchException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StrictJson.NumberOutOfRange) {
                return StrictJson.decimalRange(field);
            }
        }
        return StrictJson.expected(field, valueType(e));
    }

    /** The type a parameter's value (or each of its values) should have had. */
    private static Class<?> valueType(TypeMismatchException e) {
        Class<?> type = e.getRequiredType() == null ? String.class : e.getRequiredType();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConversionFailedException failed && failed.getTargetType() != null) {
                TypeDescriptor target = failed.getTargetType();
                TypeDescriptor element = target.isCollection() || target.isArray() ? target.getElementTypeDescriptor() : null;
                type = element != null ? element.getType() : target.getType();
            }
        }
        if (e instanceof MethodArgumentTypeMismatchException mismatch && (type.isArray()
                || java.util.Collection.class.isAssignableFrom(type))) {
            MethodParameter parameter = mismatch.getParameter();
            Class<?> element = org.springframework.core.ResolvableType.forMethodParameter(parameter).asCollection()
                    .resolveGeneric(0);
            type = element == null ? type : element;
        }
        return type;
    }

    ResponseEntity<ProblemDetail> mediaTypeNotSupported(HttpMediaTypeNotSupportedException e, Locale locale) {
        String sent = e.getContentType() == null ? "-" : e.getContentType().toString();
        String supported = e.getSupportedMediaTypes().isEmpty() ? MediaType.APPLICATION_JSON_VALUE
                : String.join(", ", e.getSupportedMediaTypes().stream().map(MediaType::toString).toList());
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                messages.getMessage("input.mediaType.unsupported", new Object[] {sent, supported}, locale), locale);
        response.getBody().setTitle(messages.getMessage("input.mediaType.title", null, locale));
        return response;
    }

    ResponseEntity<ProblemDetail> methodNotSupported(HttpRequestMethodNotSupportedException e, Locale locale) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                messages.getMessage("input.method.notAllowed", new Object[] {e.getMethod()}, locale), locale);
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
    }

    ResponseEntity<ProblemDetail> noSuchPath(Locale locale) {
        return problem(HttpStatus.NOT_FOUND, "not-found", messages.getMessage("input.path.notFound", null, locale), locale);
    }

    private List<FieldError> errors(FieldViolationException e, Locale locale) {
        return e.violations().stream().map(v -> new FieldError(v.field(), v.code(),
                messages.getMessage(v.messageKey(), v.arguments(), locale))).toList();
    }

    private ResponseEntity<ProblemDetail> invalid(List<FieldError> errors, Locale locale) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid",
                messages.getMessage("error.invalid", null, locale), locale);
        response.getBody().setProperties(Map.of("errors", errors));
        return response;
    }

    ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title(status.value(), status.getReasonPhrase(), locale));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private String title(int status, String reason, Locale locale) {
        return messages.getMessage("error." + status + ".title", null,
                messages.getMessage("input.title." + status, null, reason, locale), locale);
    }

    /** The language the LocaleResolver chose for this request (zh-CN unless asked otherwise), not the servlet's. */
    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> object(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
