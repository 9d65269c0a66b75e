package cn.dibao.user;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface StaffUserRepository extends JpaRepository<StaffUser, Long> {

    @Query("select u from StaffUser u where lower(u.username) = lower(:username)")
    Optional<StaffUser> findByUsername(String username);

    /** Users whose scope lies inside the pattern; unscoped users only for unrestricted admins. */
    @Query("""
            select u from StaffUser u
            where (u.scopeAreaCode like :pattern or (:pattern = '%' and u.scopeAreaCode is null))
            order by u.username
            """)
    List<StaffUser> findInScope(String pattern);

    @Query("""
            select u from StaffUser u where u.id = :id
              and (u.scopeAreaCode like :pattern or (:pattern = '%' and u.scopeAreaCode is null))
            """)
    Optional<StaffUser> findInScope(long id, String pattern);

    /**
     * Counts a failed login in one statement (no lost increments under concurrent attempts) and
     * locks the account when the count reaches the limit; the count restarts after a lock.
     */
    @Modifying
    @Query(value = """
            update staff_user set
              locked_until = case when failed_attempts + 1 >= :max then :lockUntil else locked_until end,
              failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end
            where lower(username) = lower(:username)
            """, nativeQuery = true)
    int recordFailure(String username, int max, Instant lockUntil);

    @Modifying
    @Query(value = """
            update staff_user set failed_attempts = 0, locked_until = null
            where lower(username) = lower(:username) and (failed_attempts > 0 or locked_until is not null)
            """, nativeQuery = true)
    int resetFailures(String username);

    @Modifying
    @Query(value = "update staff_user set last_login_at = :at where lower(username) = lower(:username)",
            nativeQuery = true)
    int recordLogin(String username, Instant at);
}
