package cn.dibao.support;

import cn.dibao.common.security.StaffPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.function.Supplier;

/** Runs service code as a real staff member (the principal the app itself builds at login). */
public final class AsStaff {

    private AsStaff() {
    }

    /** The principal the app builds at login for this user. */
    public static StaffPrincipal principal(UserDetailsService users, String username) {
        return (StaffPrincipal) users.loadUserByUsername(username);
    }

    /** Runs {@code body} signed in as the user, then restores the previous security context. */
    public static <T> T call(UserDetailsService users, String username, Supplier<T> body) {
        StaffPrincipal p = principal(users, username);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
        try {
            return body.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(UserDetailsService users, String username, Runnable body) {
        call(users, username, () -> {
            body.run();
            return null;
        });
    }
}
