package cn.dibao.common.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** Until an initial or reset password is changed, every page leads to the change-password form. */
@Component
public class PasswordChangeRequiredInterceptor implements HandlerInterceptor {

    public static final String CHANGE_PASSWORD_PATH = "/account/password";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(CHANGE_PASSWORD_PATH) || path.equals("/logout") || path.startsWith("/error")) {
            return true;
        }
        boolean mustChange = CurrentStaff.principal().map(StaffPrincipal::mustChangePassword).orElse(false);
        if (mustChange && (path.startsWith("/api/") || path.startsWith("/v3/api-docs"))) {
            // An initial or reset password opens nothing until it is changed on the page.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setCharacterEncoding("UTF-8");
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"urn:dibao:problem:password-change-required\","
                    + "\"title\":\"请先登录页面修改初始密码\",\"status\":403}");
            return false;
        }
        if (mustChange) {
            response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD_PATH);
            return false;
        }
        return true;
    }
}
