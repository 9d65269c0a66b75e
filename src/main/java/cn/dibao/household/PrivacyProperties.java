package cn.dibao.household;

import cn.dibao.common.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.EnumSet;
import java.util.Set;

/** Which roles may see a full ID number (each time audited). */
@ConfigurationProperties("dibao.privacy")
public record PrivacyProperties(Set<Role> revealRoles) {

    public PrivacyProperties {
        if (revealRoles == null || revealRoles.isEmpty()) {
            revealRoles = EnumSet.of(Role.CASEWORKER, Role.REVIEWER);
        }
    }
}
