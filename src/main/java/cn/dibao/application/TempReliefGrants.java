package cn.dibao.application;

import cn.dibao.common.error.DomainException;
import cn.dibao.standard.StandardVersion;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;
import java.util.Arrays;
import java.util.List;

/**
 * The amounts and the count that bound a 临时救助 (domain-rules §5.4, ADR 0024): the cap of one grant and the
 * township's limit, each k × the monthly 低保 standard × counted members; and the grants a household may get
 * in a calendar year, which are its approved 临时救助 decisions dated in that year.
 */
@Component
@RequiredArgsConstructor
class TempReliefGrants {

    /** First key of the advisory lock that serialises the approvals of one household's 临时救助 ("TRG1"). */
    static final int LOCK_CLASS = 0x54524731;
    private static final List<String> TYPES = Arrays.stream(AssistanceType.values()).filter(AssistanceType::oneOff)
            .map(Enum::name).toList();

    private final JdbcClient jdbc;

    /** The most one grant may be. */
    static BigDecimal cap(StandardVersion v, long members) {
        return perMembers(v, members, v.tempRelief().tempReliefCapMultiple());
    }

    /** The most a township may pay first (先行救助) or, delegated, decide alone. */
    static BigDecimal townshipLimit(StandardVersion v, long members) {
        return perMembers(v, members, v.tempRelief().tempReliefTownshipMultiple());
    }

    private static BigDecimal perMembers(StandardVersion v, long members, BigDecimal multiple) {
        return v.dibao().dibaoStandard().multiply(BigDecimal.valueOf(Math.max(1, members))).multiply(multiple)
                .setScale(2, RoundingMode.DOWN);
    }

    /**
     * 受理: a household that already has as many grants in the year of {@code receivedOn} as the settings allow
     * is refused on {@code field}.
     */
    void checkApplication(long householdId, LocalDate receivedOn, StandardVersion settings, String field) {
        int year = receivedOn.getYear();
        long grants = grants(householdId, year, 0L);
        int allowed = settings.tempRelief().tempReliefTimesPerYear();
        if (grants >= allowed) {
            throw new DomainException(field, "application.temp.timesPerYear", String.valueOf(year), grants, allowed);
        }
    }

    /**
     * 审核确认: the grant would be one too many in the decision's year (another case of the household approved
     * meanwhile). Approvals of one household wait for each other here, so two at once cannot both pass.
     */
    void checkDecision(Application a, LocalDate decidedOn, StandardVersion settings) {
        // (a key collision of two households only makes one wait)
        jdbc.sql("select 1 from pg_advisory_xact_lock(:cls, :key)").param("cls", LOCK_CLASS)
                .param("key", Long.hashCode(a.getHouseholdId())).query(Integer.class).single();
        int year = decidedOn.getYear();
        long grants = grants(a.getHouseholdId(), year, a.getId());
        int allowed = settings.tempRelief().tempReliefTimesPerYear();
        if (grants >= allowed) {
            throw DomainException.global("application.temp.timesPerYear.decision", String.valueOf(year), grants,
                    allowed);
        }
    }

    /** Approved 临时救助 decisions of the household dated in the year, other than case {@code exceptId}. */
    private long grants(long householdId, int year, long exceptId) {
        return jdbc.sql("""
                        select count(*) from application
                        where household_id = :household and assistance_type in (:types)
                          and decision = 'APPROVED' and decided_on between :from and :to and id <> :except
                        """)
                .param("household", householdId).param("types", TYPES).param("from", Year.of(year).atDay(1))
                .param("to", Year.of(year).atMonth(12).atEndOfMonth()).param("except", exceptId)
                .query(Long.class).single();
    }
}
