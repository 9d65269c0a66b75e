package cn.dibao.common.web;

import cn.dibao.common.error.InvalidUploadException;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.common.error.ForbiddenActionException;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.InvalidFieldsException;
import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON API answers every failure as RFC 9457 {@code application/problem+json}; field
 * problems are listed under {@code errors} with the field name and a zh-CN message.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    public record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound() {
        return problem(HttpStatus.NOT_FOUND, "not-found", msg("error.404.title"), List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", msg("error.400.title"),
                List.of(new FieldProblem(e.getName(), msg("error.field.invalid"))));
    }

    @ExceptionHandler(ForbiddenActionException.class)
    ProblemDetail forbiddenAction(ForbiddenActionException e) {
        String text = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
        return problem(HttpStatus.FORBIDDEN, "forbidden", text, List.of());
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e) {
        String text = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violated", text,
                e.field() == null ? List.of() : List.of(new FieldProblem(e.field(), text)));
    }

    /** A refused upload is a bad request, like one over the multipart size limit below. */
    @ExceptionHandler(InvalidUploadException.class)
    ProblemDetail invalidUpload(InvalidUploadException e) {
        String text = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
        return problem(HttpStatus.BAD_REQUEST, "invalid-upload", text,
                e.field() == null ? List.of() : List.of(new FieldProblem(e.field(), text)));
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ProblemDetail invalidFields(InvalidFieldsException e) {
        return validation(e.errors());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraint(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(String.valueOf(v.getPropertyPath()), v.getMessage())).toList();
        return problem(HttpStatus.BAD_REQUEST, "validation", msg("error.validation"), errors);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail lostUpdate() {
        return problem(HttpStatus.CONFLICT, "conflict", msg("error.409.text"), List.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.warn("Integrity violation on an API request: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "conflict", msg("error.409.text"), List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied() {
        return problem(HttpStatus.FORBIDDEN, "forbidden", msg("error.403.title"), List.of());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected API failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", msg("error.5xx.title"), List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(validation(ex.getBindingResult()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.add(new FieldProblem(r.getMethodParameter().getParameterName(),
                        messages.getMessage(err, LocaleContextHolder.getLocale())))));
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "validation", msg("error.validation"), errors));
    }

    /**
     * The multipart parser refused a body over spring.servlet.multipart.max-file-size or
     * max-request-size while the handler read it (parsed lazily). On Tomcat UploadLimitFilter
     * answers the same problem before the request gets this far.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-upload",
                msg("upload.requestTooLarge"), List.of()));
    }

    /**
     * A value of the wrong type ("abc" for an amount, an unknown enum) names its field; so does a
     * field the body does not have (ApiJsonConfig), with its own message.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable t = ex.getCause();
        while (t != null && !(t instanceof JacksonException)) {
            t = t.getCause();
        }
        if (t instanceof JacksonException je && !je.getPath().isEmpty()) {
            String field = je.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
            String message = msg(je instanceof UnrecognizedPropertyException ? "error.field.unknown"
                    : "error.field.invalid");
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "validation",
                    msg("error.validation"), List.of(new FieldProblem(field, message))));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "bad-request",
                msg("error.body.unreadable"), List.of()));
    }

    /** Malformed JSON, unknown enum values, numbers that are not numbers. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail pd = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(statusCode);
        pd.setType(URI.create("urn:dibao:problem:" + (statusCode.is4xxClientError() ? "bad-request" : "internal")));
        pd.setTitle(msg(statusCode.is4xxClientError() ? "error.400.title" : "error.5xx.title"));
        pd.setDetail(statusCode.value() == 400 ? msg("error.body.unreadable") : pd.getDetail());
        return ResponseEntity.status(statusCode).headers(headers).body(pd);
    }

    public ProblemDetail validation(BindingResult result) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError fe : result.getFieldErrors()) {
            errors.add(new FieldProblem(fe.getField(), messages.getMessage(fe, LocaleContextHolder.getLocale())));
        }
        result.getGlobalErrors().forEach(ge -> errors.add(new FieldProblem(null,
                messages.getMessage(ge, LocaleContextHolder.getLocale()))));
        return problem(HttpStatus.BAD_REQUEST, "validation", msg("error.validation"), errors);
    }

    private ProblemDetail problem(HttpStatus status, String type, String detail, List<FieldProblem> errors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create("urn:dibao:problem:" + type));
        pd.setTitle(msg("error." + (status.is5xxServerError() ? "5xx" : status.value()) + ".title"));
        if (!errors.isEmpty()) {
            pd.setProperties(Map.of("errors", errors));
        }
        return pd;
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
