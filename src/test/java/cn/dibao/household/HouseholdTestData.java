package cn.dibao.household;

import cn.dibao.common.identity.IdNumbers;
import cn.dibao.common.identity.IdType;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.support.Fixtures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Households for the registry tests, made through the real service as a real staff member.
 * Names are unique per call and use only characters a person name may have.
 */
@Component
public class HouseholdTestData {

    private static final AtomicInteger FIFTEEN_SEQ = new AtomicInteger();
    private static final String DIGITS_HAN = "零一二三四五六七八九";

    final HouseholdService households;
    private final UserDetailsService users;
    private final JdbcTemplate jdbc;

    HouseholdTestData(HouseholdService households, UserDetailsService users, JdbcTemplate jdbc) {
        this.households = households;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** The app's own principal for a user, as the login would build it. */
    public StaffPrincipal principal(String username) {
        return (StaffPrincipal) users.loadUserByUsername(username);
    }

    /** Acts as the user on this thread until {@link #logout()}. */
    public StaffPrincipal login(String username) {
        StaffPrincipal p = principal(username);
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
        return p;
    }

    public void logout() {
        SecurityContextHolder.clearContext();
    }

    /** Runs as the user, then restores whoever was acting before. */
    public <T> T as(String username, Supplier<T> action) {
        SecurityContext before = SecurityContextHolder.getContext();
        try {
            login(username);
            return action.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    public void as(String username, Runnable action) {
        as(username, () -> {
            action.run();
            return null;
        });
    }

    /** A name no other test uses: a surname and the digits of a unique number written in Chinese. */
    public static String uniqueName(String surname) {
        String digits = Fixtures.unique("");
        StringBuilder sb = new StringBuilder(surname);
        for (char c : digits.toCharArray()) {
            sb.append(DIGITS_HAN.charAt(c - '0'));
        }
        return sb.toString();
    }

    public static String newId() {
        return Fixtures.newIdNumber(LocalDate.of(1970, 3, 1), true);
    }

    /** A new number that encodes exactly this birth date and sex (what the registry derives them from). */
    public static String newId(LocalDate birth, boolean male) {
        return Fixtures.newIdNumberBornOn(birth, male);
    }

    /** A unique valid 15-digit legacy number (address 110101, sequence 900–999, never used by Fixtures). */
    public static String newFifteenDigitId(LocalDate birth) {
        int n = FIFTEEN_SEQ.getAndIncrement();
        LocalDate day = birth.plusDays(n / 100);
        return "110101" + day.toString().replace("-", "").substring(2) + (900 + n % 100);
    }

    public static PersonData person(String name, String idNumber) {
        return PersonData.of(name, IdType.RESIDENT_ID, idNumber);
    }

    public static HouseholdData householdData(String village, String address) {
        return new HouseholdData(village, address, HukouType.URBAN, null, null, Set.of());
    }

    public static NewHousehold newHousehold(String village, String headName, String headId) {
        return new NewHousehold(householdData(village, uniqueName("测试路") + "号"), person(headName, headId));
    }

    /** A household with a new head, created by the user in the village; returns its id. */
    public long household(String username, String village) {
        return household(username, village, uniqueName("王"), newId());
    }

    public long household(String username, String village, String headName, String headId) {
        return as(username, () -> households.create(newHousehold(village, headName, headId)));
    }

    /** Adds a new person as a member; returns the person id. */
    public long member(String username, long householdId, String name, String idNumber) {
        return as(username, () -> households.addMember(householdId,
                new NewMember(new MemberData(Relation.CHILD, true, null, null), person(name, idNumber))));
    }

    public HouseholdFile file(String username, long householdId) {
        return as(username, () -> households.file(householdId));
    }

    public static HouseholdFile.Member memberOf(HouseholdFile file, long personId) {
        return file.members().stream().filter(m -> m.personId() == personId).findFirst()
                .orElseThrow(() -> new AssertionError("person " + personId + " is no current member of " + file.id()));
    }

    public long headPersonId(long householdId) {
        return jdbc.queryForObject("select head_person_id from household where id = ?", Long.class, householdId);
    }

    public long count(String table, String where, Object... args) {
        return jdbc.queryForObject("select count(*) from " + table + (where.isEmpty() ? "" : " where " + where),
                Long.class, args);
    }

    public static String masked(String idNumber) {
        return IdNumbers.mask(idNumber);
    }
}
