package cn.dibao.user;

import cn.dibao.area.AreaLevel;
import cn.dibao.area.AreaService;
import cn.dibao.area.AreaView;
import cn.dibao.audit.AuditTrail;
import cn.dibao.common.security.AreaScope;
import cn.dibao.common.security.CurrentStaff;
import cn.dibao.common.security.Role;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Staff accounts: created and maintained by administrators within their own scope. */
@Service
@Transactional(readOnly = true)
public class StaffUserService {

    static final String PASSWORD_RULE = "^(?=.*[A-Za-z])(?=.*[0-9]).{8,64}$";

    private final StaffUserRepository users;
    private final AreaService areas;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;

    StaffUserService(StaffUserRepository users, AreaService areas, PasswordEncoder encoder, AuditTrail audit,
                     Clock clock) {
        this.users = users;
        this.areas = areas;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    public List<StaffUserView> listInScope() {
        return users.findInScope(CurrentStaff.scope().likePattern()).stream().map(this::view).toList();
    }

    public StaffUserView get(long id) {
        return view(find(id));
    }

    @Transactional
    public StaffUserView create(NewStaffUser cmd) {
        String username = cmd.username().trim().toLowerCase();
        if (!username.matches("[a-z][a-z0-9_.-]{2,39}")) {
            throw new DomainException("username", "user.username.format");
        }
        if (users.findByUsername(username).isPresent()) {
            throw new DomainException("username", "user.username.duplicate");
        }
        checkPassword("password", cmd.password());
        String scope = checkScope(cmd.scopeAreaCode(), cmd.roles());
        StaffUser u = users.save(new StaffUser(username, cmd.displayName().trim(), encoder.encode(cmd.password()),
                scope, cmd.roles(), true));
        audit.record("USER_CREATED", "staff_user", u.getId(), scope, username + " " + cmd.roles());
        return view(u);
    }

    @Transactional
    public StaffUserView update(long id, UserChanges cmd) {
        StaffUser u = find(id);
        if (u.getVersion() != cmd.version()) {
            throw new OptimisticLockingFailureException("user " + id + " changed");
        }
        String scope = checkScope(cmd.scopeAreaCode(), cmd.roles());
        if (u.getId() == CurrentStaff.require().id() && (!cmd.roles().contains(Role.ADMIN) || !cmd.enabled())) {
            throw new DomainException("roles", "user.selfLockout");
        }
        u.update(cmd.displayName().trim(), scope, cmd.roles(), cmd.enabled());
        users.flush();
        audit.record("USER_UPDATED", "staff_user", id, scope, u.getUsername() + " " + cmd.roles()
                + (cmd.enabled() ? "" : " disabled"));
        return view(u);
    }

    /** An administrator sets a temporary password; the user must change it at the next login. */
    @Transactional
    public void resetPassword(long id, String temporaryPassword) {
        StaffUser u = find(id);
        checkPassword("password", temporaryPassword);
        u.setPassword(encoder.encode(temporaryPassword), true, clock.instant());
        u.unlock();
        audit.record("USER_PASSWORD_RESET", "staff_user", id, u.getScopeAreaCode(), u.getUsername());
    }

    @Transactional
    public void unlock(long id) {
        StaffUser u = find(id);
        u.unlock();
        audit.record("USER_UNLOCKED", "staff_user", id, u.getScopeAreaCode(), u.getUsername());
    }

    /** The logged-in user changes their own password; returns the refreshed principal. */
    @Transactional
    public StaffPrincipal changeOwnPassword(String currentPassword, String newPassword) {
        StaffPrincipal me = CurrentStaff.require();
        StaffUser u = users.findById(me.id()).orElseThrow(() -> new NotFoundException("user", me.id()));
        if (currentPassword == null || !encoder.matches(currentPassword, u.getPasswordHash())) {
            throw new DomainException("currentPassword", "password.current.wrong");
        }
        checkPassword("newPassword", newPassword);
        if (encoder.matches(newPassword, u.getPasswordHash())) {
            throw new DomainException("newPassword", "password.new.same");
        }
        u.setPassword(encoder.encode(newPassword), false, clock.instant());
        audit.record("PASSWORD_CHANGED", "staff_user", u.getId(), u.getScopeAreaCode(), u.getUsername());
        return me.withPasswordChanged();
    }

    /** Scopes an administrator may give: their own scope and the areas inside it. */
    public List<AreaView> assignableScopes() {
        return areas.listInScope().stream().filter(a -> !a.retired() && a.level() != AreaLevel.VILLAGE).toList();
    }

    private String checkScope(String scopeAreaCode, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new DomainException("roles", "user.roles.required");
        }
        if (scopeAreaCode == null || scopeAreaCode.isBlank()) {
            // Only an unrestricted administrator may create unrestricted accounts, and only for admins/auditors.
            if (!CurrentStaff.scope().isAll() || roles.contains(Role.CASEWORKER) || roles.contains(Role.REVIEWER)) {
                throw new DomainException("scopeAreaCode", "user.scope.required");
            }
            return null;
        }
        AreaView area;
        try {
            area = areas.get(scopeAreaCode);
        } catch (NotFoundException e) {
            throw new DomainException("scopeAreaCode", "user.scope.unknown");
        }
        if (area.level() == AreaLevel.VILLAGE || area.retired()) {
            throw new DomainException("scopeAreaCode", "user.scope.level");
        }
        if (roles.contains(Role.REVIEWER) && area.level() != AreaLevel.COUNTY) {
            throw new DomainException("scopeAreaCode", "user.scope.reviewerCounty");
        }
        return area.code();
    }

    private void checkPassword(String field, String password) {
        if (password == null || !password.matches(PASSWORD_RULE)) {
            throw new DomainException(field, "password.rule");
        }
    }

    private StaffUser find(long id) {
        AreaScope scope = CurrentStaff.scope();
        return users.findInScope(id, scope.likePattern()).orElseThrow(() -> new NotFoundException("user", id));
    }

    private StaffUserView view(StaffUser u) {
        return new StaffUserView(u.getId(), u.getUsername(), u.getDisplayName(), u.roleSet(), u.getScopeAreaCode(),
                areas.nameOf(u.getScopeAreaCode()).orElse(null), u.isEnabled(), u.isLockedAt(clock.instant()),
                u.isMustChangePassword(), u.getLastLoginAt(), u.getVersion());
    }

    /** Generates a temporary password that satisfies the rule. */
    public static String generatePassword() {
        String letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        String digits = "23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sb.append(letters.charAt(random.nextInt(letters.length())));
        }
        for (int i = 0; i < 4; i++) {
            sb.append(digits.charAt(random.nextInt(digits.length())));
        }
        return sb.toString();
    }

    public record NewStaffUser(String username, String displayName, String password, String scopeAreaCode,
                               Set<Role> roles) {
    }

    public record UserChanges(String displayName, String scopeAreaCode, Set<Role> roles, boolean enabled,
                              long version) {
    }
}
