package cn.dibao.demo;

import cn.dibao.common.security.StaffPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.function.Supplier;

/** Demo data goes through the real services as a demo user, so it obeys the same rules as staff. */
final class DemoStaff {

    private DemoStaff() {
    }

    static <T> T as(UserDetailsService users, String username, Supplier<T> body) {
        StaffPrincipal p = (StaffPrincipal) users.loadUserByUsername(username);
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
        try {
            return body.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
