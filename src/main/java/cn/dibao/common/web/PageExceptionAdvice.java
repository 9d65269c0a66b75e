package cn.dibao.common.web;

import cn.dibao.common.error.NotFoundException;
import cn.dibao.common.error.ForbiddenActionException;
import cn.dibao.common.error.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/** Page controllers: domain failures become error pages with the right status, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionAdvice.class);

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        return view("error/404", HttpStatus.NOT_FOUND);
    }

    /** A lost update: someone saved the record since this form was opened. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView conflict(HttpServletRequest request) {
        ModelAndView mav = view("error/409", HttpStatus.CONFLICT);
        mav.addObject("reloadUrl", reloadUrl(request));
        return mav;
    }

    /**
     * Where "open again" leads, relative to the context path (the template adds it): an edit
     * form reopens itself with the current data; an action on a list row goes back to the list.
     */
    static String reloadUrl(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.endsWith("/edit")) {
            return path;
        }
        if (path.matches(".*/[^/]+/(retire|unlock|reset-password)$")) {
            // actions on a list (areas, users) go back to the list
            return path.replaceAll("/[^/]+/(retire|unlock|reset-password)$", "");
        }
        // other actions (close a household, change a member…) go back to the record they act on
        return path.replaceAll("/[^/]+$", "");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView integrity(DataIntegrityViolationException e) {
        log.warn("Integrity violation on a page request: {}", e.getMostSpecificCause().getMessage());
        return view("error/409", HttpStatus.CONFLICT);
    }

    /**
     * A page form's upload over the multipart limits found while the handler reads it (multipart
     * is parsed lazily). On Tomcat UploadLimitFilter answers such requests before they get here.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView uploadTooLarge() {
        return view("error/413", HttpStatus.CONTENT_TOO_LARGE);
    }

    /** A rule about who may act, raised outside a form: the forbidden page. */
    @ExceptionHandler(ForbiddenActionException.class)
    ModelAndView forbidden() {
        return view("error/403", HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException e) {
        ModelAndView mav = view("error/4xx", HttpStatus.UNPROCESSABLE_CONTENT);
        mav.addObject("messageKey", e.messageKey());
        return mav;
    }

    private static ModelAndView view(String name, HttpStatus status) {
        ModelAndView mav = new ModelAndView(name);
        mav.setStatus(status);
        mav.addObject("status", status.value());
        return mav;
    }
}
