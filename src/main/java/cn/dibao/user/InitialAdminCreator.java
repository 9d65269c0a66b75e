package cn.dibao.user;

import cn.dibao.common.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Set;

/**
 * On a database with no staff at all (production, no demo data), creates {@code admin} with the
 * password from DIBAO_ADMIN_PASSWORD, or a generated one printed once; it must be changed at
 * first login.
 */
@Component
@Profile("!demo")
@Order(0)
class InitialAdminCreator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdminCreator.class);

    private final StaffUserRepository users;
    private final PasswordEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;

    InitialAdminCreator(StaffUserRepository users, PasswordEncoder encoder, SecurityProperties properties,
                        Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        String password = properties.adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = StaffUserService.generatePassword();
        }
        StaffUser admin = new StaffUser("admin", "系统管理员", encoder.encode(password), null,
                Set.of(Role.ADMIN, Role.AUDITOR), true);
        admin.setPassword(admin.getPasswordHash(), true, clock.instant());
        users.save(admin);
        if (generated) {
            log.warn("Created the first administrator 'admin' with the one-time password: {} "
                    + "(change it at first login; set DIBAO_ADMIN_PASSWORD to choose it)", password);
        } else {
            log.warn("Created the first administrator 'admin' with the password from DIBAO_ADMIN_PASSWORD; "
                    + "it must be changed at first login");
        }
    }
}
