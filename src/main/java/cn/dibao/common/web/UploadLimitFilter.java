package cn.dibao.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;

import java.io.IOException;
import java.util.Locale;

/**
 * Answers a multipart body over spring.servlet.multipart.max-file-size or max-request-size
 * before anything else reads the request. Tomcat refuses to parse such a body, and from then on
 * every getParameter() throws: the CSRF filter (which reads the page form's token) and the
 * locale interceptor (which reads ?lang) would turn it into a 500 or Tomcat's own error page.
 * So this filter, ahead of Spring Security, parses multipart requests first and, when the
 * container refused the size, answers at once: the API with a 400 problem
 * ({@code urn:dibao:problem:invalid-upload}), pages with a redirect to {@value #PAGE} which
 * explains the limits in zh-CN. Tomcat then reads and discards the rest of the body (up to
 * server.tomcat.max-swallow-size), so the browser gets the answer rather than a reset connection.
 */
public class UploadLimitFilter extends OncePerRequestFilter {

    public static final String PAGE = "/upload-too-large";

    private final MessageSource messages;

    public UploadLimitFilter(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!tooLarge(request)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api") || path.startsWith("/api/")) {
            problem(request, response);
        } else {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", request.getContextPath() + PAGE);
        }
    }

    /** Spring's own reading of the container's refusal, as its multipart resolver makes it. */
    private static boolean tooLarge(HttpServletRequest request) {
        try {
            new StandardMultipartHttpServletRequest(request);
            return false;
        } catch (MaxUploadSizeExceededException e) {
            return true;
        } catch (MultipartException e) {
            return false; // malformed: left to the handlers, as before
        }
    }

    /** The same document ApiExceptionHandler writes for an upload over the limit. */
    private void problem(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        String title = messages.getMessage("error.400.title", null, "Bad request", zh);
        String detail = messages.getMessage("upload.requestTooLarge", null, "Upload too large", zh);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"urn:dibao:problem:invalid-upload\",\"title\":\"" + json(title)
                + "\",\"status\":400,\"detail\":\"" + json(detail) + "\",\"instance\":\""
                + json(request.getRequestURI()) + "\"}");
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
