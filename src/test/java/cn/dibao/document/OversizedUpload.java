package cn.dibao.document;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Part;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.Collection;

/**
 * A multipart POST that the servlet container refused to parse because it is over
 * spring.servlet.multipart.max-request-size. MockMvc never parses multipart bodies itself, so
 * this stands in for Tomcat 11 (as observed with 11.0.27): getParts() and every parameter method
 * throw what Tomcat's Request.parseParts leaves behind for such a body, so even the CSRF token
 * of a page form cannot be read. Everything after that (the filters, Spring Security, the
 * handlers) runs for real.
 */
final class OversizedUpload {

    private OversizedUpload() {
    }

    static RequestBuilder post(String url, MockHttpSession session, RequestPostProcessor... postProcessors) {
        return (ServletContext context) -> {
            MockHttpServletRequest request = new MockHttpServletRequest(context, "POST", url) {
                @Override
                public Collection<Part> getParts() {
                    throw refused();
                }

                @Override
                public Part getPart(String name) {
                    throw refused();
                }

                // Tomcat 11 throws from the parameter methods once it refused the body (getParameterMap
                // is left alone: MockMvc prints it after the request).
                @Override
                public String getParameter(String name) {
                    throw refused();
                }

                @Override
                public java.util.Enumeration<String> getParameterNames() {
                    throw refused();
                }

                @Override
                public String[] getParameterValues(String name) {
                    throw refused();
                }
            };
            request.setContentType("multipart/form-data; boundary=----dibao");
            request.addHeader("Content-Type", "multipart/form-data; boundary=----dibao");
            if (session != null) {
                request.setSession(session);
            }
            MockHttpServletRequest r = request;
            for (RequestPostProcessor p : postProcessors) {
                r = p.postProcessRequest(r);
            }
            return r;
        };
    }

    private static IllegalStateException refused() {
        long size = 60L * 1024 * 1024;
        long max = 45L * 1024 * 1024;
        return new IllegalStateException(new SizeLimitExceededException(
                "the request was rejected because its size (" + size + ") exceeds the configured maximum (" + max + ")",
                size, max));
    }
}
