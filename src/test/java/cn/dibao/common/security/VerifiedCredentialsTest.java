package cn.dibao.common.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: a credential verified a moment ago is not hashed again; a wrong one always is, a changed
 * password (a new hash) misses, and the memory of successes ends with its time to live.
 */
class VerifiedCredentialsTest {

    /** BCrypt (strength 4 to keep the test quick), counting how often it really runs. */
    static final class Counting implements PasswordEncoder {
        final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger matches = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            matches.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    final Counting bcrypt = new Counting();
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final VerifiedCredentials encoder = new VerifiedCredentials(bcrypt, Duration.ofSeconds(60), 3, now::get);

    @Test
    void aVerifiedCredentialIsNotHashedAgainWithinItsTimeToLive() {
        String hash = encoder.encode("Right-pass-123");
        assertThat(encoder.matches("Right-pass-123", hash)).isTrue();
        for (int i = 0; i < 100; i++) {
            assertThat(encoder.matches("Right-pass-123", hash)).isTrue();
        }
        assertThat(bcrypt.matches).hasValue(1);

        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(encoder.matches("Right-pass-123", hash)).isTrue();
        assertThat(bcrypt.matches).as("hashed again after the time to live").hasValue(2);
    }

    @Test
    void aWrongPasswordIsAlwaysHashedAndNeverRemembered() {
        String hash = encoder.encode("Right-pass-123");
        encoder.matches("Right-pass-123", hash);
        for (int i = 0; i < 5; i++) {
            assertThat(encoder.matches("Wrong-pass-123", hash)).isFalse();
        }
        assertThat(bcrypt.matches).hasValue(6);
    }

    @Test
    void aChangedPasswordHasANewHashAndTheOldPasswordNoLongerMatches() {
        String old = encoder.encode("Old-pass-123");
        assertThat(encoder.matches("Old-pass-123", old)).isTrue();
        String changed = encoder.encode("New-pass-456");
        assertThat(encoder.matches("Old-pass-123", changed)).isFalse();
        assertThat(encoder.matches("New-pass-456", changed)).isTrue();
        assertThat(bcrypt.matches).hasValue(3);
    }

    @Test
    void theMemoryIsBoundedAndOffWhenTheTimeToLiveIsZero() {
        String first = encoder.encode("Pass-0");
        assertThat(encoder.matches("Pass-0", first)).isTrue();
        for (int i = 1; i < 10; i++) {
            String hash = encoder.encode("Pass-" + i);
            assertThat(encoder.matches("Pass-" + i, hash)).isTrue();
        }
        int hashed = bcrypt.matches.get();
        assertThat(encoder.matches("Pass-0", first)).isTrue();
        assertThat(bcrypt.matches.get()).as("only 3 remembered: the first was forgotten").isEqualTo(hashed + 1);
        VerifiedCredentials off = new VerifiedCredentials(bcrypt, Duration.ZERO, 3, now::get);
        String hash = off.encode("Right-pass-123");
        int before = bcrypt.matches.get();
        off.matches("Right-pass-123", hash);
        off.matches("Right-pass-123", hash);
        assertThat(bcrypt.matches.get() - before).isEqualTo(2);
    }
}
