package cn.dibao.common.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * BCrypt for every password, but a credential verified a moment ago is not hashed again (issue 13: the
 * stateless API paid ~80 ms of BCrypt per call and topped out at 6 requests/s). Only successes are
 * remembered, for {@code ttl}, as an HMAC of the password and the stored hash under a key made at start
 * (the password itself is never kept): a wrong password is always checked by BCrypt and counted by the
 * lock-out, a changed password has a new hash and misses, and the account's lock, disablement and roles
 * are still read from the database on every request (the user details service runs before this).
 */
final class VerifiedCredentials implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final SecretKeySpec key;
    private final Map<String, Long> verifiedUntil = new ConcurrentHashMap<>();

    VerifiedCredentials(PasswordEncoder delegate, Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || ttlNanos <= 0) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String id = digest(rawPassword, encodedPassword);
        long now = nanoTime.getAsLong();
        Long until = verifiedUntil.get(id);
        if (until != null && now - until < 0) {
            return true;
        }
        boolean ok = delegate.matches(rawPassword, encodedPassword);
        if (ok) {
            if (verifiedUntil.size() >= maxEntries) {
                verifiedUntil.values().removeIf(u -> now - u >= 0);
                if (verifiedUntil.size() >= maxEntries) {
                    verifiedUntil.clear(); // bounded memory: at worst the next calls hash again
                }
            }
            verifiedUntil.put(id, now + ttlNanos);
        } else {
            verifiedUntil.remove(id);
        }
        return ok;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String digest(CharSequence raw, String encoded) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encoded.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(raw.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
