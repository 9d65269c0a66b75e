package cn.dibao.user;

import cn.dibao.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/** Counts failed logins, locks accounts and writes logins to the audit trail. */
@Component
class LoginAttemptListener {

    private final StaffUserRepository users;
    private final SecurityProperties policy;
    private final AuditTrail audit;
    private final Clock clock;

    LoginAttemptListener(StaffUserRepository users, SecurityProperties policy, AuditTrail audit, Clock clock) {
        this.users = users;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        int updated = users.recordFailure(username, policy.maxFailedLogins(),
                clock.instant().plus(policy.lockDuration()));
        if (updated > 0) {
            audit.recordStandalone(username, "LOGIN_FAILED", "staff_user", username, null);
        }
    }

    @EventListener
    public void onLocked(AuthenticationFailureLockedEvent event) {
        audit.recordStandalone(String.valueOf(event.getAuthentication().getName()), "LOGIN_REFUSED_LOCKED",
                "staff_user", event.getAuthentication().getName(), null);
    }

    /** Every successful authentication (pages and API) clears the failure count. */
    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        users.resetFailures(event.getAuthentication().getName());
    }

    /** A staff member logging in to the pages (not each API call) is audited. */
    @EventListener
    @Transactional
    public void onInteractiveLogin(InteractiveAuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        users.recordLogin(username, clock.instant());
        audit.recordStandalone(username, "LOGIN", "staff_user", username, null);
    }
}
