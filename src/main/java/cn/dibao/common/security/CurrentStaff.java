package cn.dibao.common.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** Who is acting, read from the security context. Services use it to scope every query. */
public final class CurrentStaff {

    private CurrentStaff() {
    }

    public static Optional<StaffPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return auth.getPrincipal() instanceof StaffPrincipal p ? Optional.of(p) : Optional.empty();
    }

    /** The logged-in staff member; fails when there is none (a bug: every staff URL needs a login). */
    public static StaffPrincipal require() {
        return principal().orElseThrow(() -> new IllegalStateException("no staff member logged in"));
    }

    /** The scope of the current user. No user means no rows. */
    public static AreaScope scope() {
        return require().scope();
    }

    public static String usernameOrSystem() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || auth.getName() == null) {
            return "system";
        }
        return auth.getName();
    }
}
