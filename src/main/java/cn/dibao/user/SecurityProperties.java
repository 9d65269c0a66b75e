package cn.dibao.user;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Login policy: lock after a number of failed logins, for a time. */
@ConfigurationProperties("dibao.security")
record SecurityProperties(int maxFailedLogins, Duration lockDuration, String adminPassword) {

    SecurityProperties {
        if (maxFailedLogins <= 0) {
            maxFailedLogins = 5;
        }
        if (lockDuration == null) {
            lockDuration = Duration.ofMinutes(30);
        }
    }
}
