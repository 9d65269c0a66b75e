package cn.dibao.common.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;

import java.io.IOException;
import java.util.Locale;

/**
 * When a page form uploads more than the multipart limits allow, the servlet container refuses
 * to parse the body, so the form's CSRF token is missing and the CSRF filter denies the request
 * before any controller runs. Rather than a misleading "access denied", such a request answers
 * 413 with the upload-size page ({@code error/413}); every other denial is handled as usual.
 */
final class UploadTooLargeAccessDeniedHandler implements AccessDeniedHandler {

    private final AccessDeniedHandler delegate = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (denied instanceof CsrfException && uploadTooLarge(request)) {
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        delegate.handle(request, response, denied);
    }

    /** Spring's own reading of the container's parse failure: the same test the MVC multipart resolver makes. */
    static boolean uploadTooLarge(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return false;
        }
        try {
            new StandardMultipartHttpServletRequest(request);
            return false;
        } catch (MaxUploadSizeExceededException e) {
            return true;
        } catch (MultipartException e) {
            return false;
        }
    }
}
