package cn.dibao.user;

import cn.dibao.area.AreaService;
import cn.dibao.common.security.StaffPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

@Service
class StaffUserDetailsService implements UserDetailsService {

    private final StaffUserRepository users;
    private final AreaService areas;
    private final Clock clock;

    StaffUserDetailsService(StaffUserRepository users, AreaService areas, Clock clock) {
        this.users = users;
        this.areas = areas;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        StaffUser u = users.findByUsername(username == null ? "" : username.trim())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new StaffPrincipal(u.getId(), u.getUsername(), u.getDisplayName(), u.getPasswordHash(), u.roleSet(),
                u.getScopeAreaCode(), areas.nameOf(u.getScopeAreaCode()).orElse(null), u.isEnabled(),
                u.isLockedAt(clock.instant()), u.isMustChangePassword());
    }
}
