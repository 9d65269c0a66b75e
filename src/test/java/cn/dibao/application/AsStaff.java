package cn.dibao.application;

import cn.dibao.common.security.StaffPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.function.Supplier;

/** Runs service code as a real staff member (the principal the app itself builds at login). */
final class AsStaff {

    private AsStaff() {
    }

    static <T> T call(UserDetailsService users, String username, Supplier<T> body) {
        StaffPrincipal p = (StaffPrincipal) users.loadUserByUsername(username);
        var previous = SecurityContextHolder.getContext();
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
        try {
            return body.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static void run(UserDetailsService users, String username, Runnable body) {
        call(users, username, () -> {
            body.run();
            return null;
        });
    }
}
