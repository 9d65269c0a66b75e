package cn.dibao.benefit;

import cn.dibao.audit.AuditTrail;
import cn.dibao.common.security.CurrentStaff;
import cn.dibao.common.security.Role;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.ForbiddenActionException;
import cn.dibao.common.error.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Benefits after approval (issue 6, ADR 0013): county decisions to 增发 / 减发 / 停发 / 暂停 / 恢复 and
 * 渐退期 schedules, each a new effective-dated version; an approved amount is never changed in place.
 * Versions of a benefit are contiguous and never overlap: a change at month E ends the version that
 * covers E and cancels the ones that would start later (they were a schedule the decision replaces).
 * What a change means for months already paid (补发, 追回) is worked out by the next payout run.
 */
@Service
public class BenefitService {

    /** Reason codes a decision may carry (domain-rules §3.10, §6.3). */
    public static final Set<String> REASON_CODES = Set.of("INCOME", "MEMBERS", "PROPERTY", "REVIEW", "DEATH",
            "REFUSED_WORK", "NOT_COLLECTED", "MOVED", "EMPLOYMENT", "TRANSFER", "PAYEE", "OTHER");

    /** Changes reach back at most this many months (older corrections go through a new decision). */
    static final int MAX_MONTHS_BACK = 24;

    static final String VERSION_COLUMNS = """
            id, valid_from, valid_to, change_kind, status, amount_gap, amount_topup, amount_basic, amount_care,
            monthly_amount, reason_code, reason, standard_id, recalculation_id, created_at, created_by""";

    static final RowMapper<BenefitVersion> VERSION = (rs, i) -> new BenefitVersion(rs.getLong("id"),
            month(rs.getDate("valid_from")), month(rs.getDate("valid_to")), ChangeKind.valueOf(rs.getString("change_kind")),
            rs.getString("status"), rs.getBigDecimal("amount_gap"), rs.getBigDecimal("amount_topup"),
            rs.getBigDecimal("amount_basic"), rs.getBigDecimal("amount_care"), rs.getBigDecimal("monthly_amount"),
            rs.getString("reason_code"), rs.getString("reason"), (Long) rs.getObject("standard_id"),
            (Long) rs.getObject("recalculation_id"), rs.getTimestamp("created_at").toInstant(),
            rs.getString("created_by"));

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Coverage coverage;

    BenefitService(JdbcClient jdbc, AuditTrail audit, Clock clock, Coverage coverage) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.coverage = coverage;
    }

    // ---- open (on approval) ---------------------------------------------------------------------------

    /**
     * Opens the benefits of an approved case, inside the approval's transaction: one for the household
     * (低保), for the person (单人保) or for each 特困 person, with the approved amounts, never changed
     * afterwards; a statement trigger writes each first version (ADR 0013). A benefit in force that the
     * new ones meet is ended the month before they start where the law wants a move, else the approval
     * is refused naming it (ADR 0026).
     */
    @Transactional
    public List<Long> open(List<NewBenefit> news) {
        if (news.isEmpty()) {
            throw new IllegalArgumentException("an approval opens at least one benefit");
        }
        YearMonth start = news.get(0).start();
        List<Coverage.Transfer> transfers = news.get(0).oneOff() ? List.of()
                : Coverage.decide(news, coverage.met(news, start), start);
        for (Coverage.Transfer t : transfers) {
            transfer(t);
        }
        List<Long> ids = new java.util.ArrayList<>();
        for (NewBenefit b : news) {
            long id = insert(b);
            if (!b.oneOff()) {
                coverage.cover(id, b);
            }
            ids.add(id);
        }
        return ids;
    }

    /** One benefit ({@link #open(List)}). */
    @Transactional
    public long open(NewBenefit b) {
        return open(List.of(b)).get(0);
    }

    private long insert(NewBenefit b) {
        NewBenefit.Amounts m = b.amounts();
        NewBenefit.Basis basis = b.basis();
        return jdbc.sql("""
                insert into benefit (application_id, household_id, payee_person_id, area_code, assistance_type, category,
                    one_off, amount_gap, amount_topup, amount_basic, amount_care, monthly_amount, start_month, end_month,
                    check_id, standard_id, created_by, basis_persons, basis_net_income, care_tier, basis_topup_groups)
                values (:app, :household, :payee, :area, :type, :category, :oneOff, :gap, :topup, :basic, :care, :total,
                    :start, :end, :check, :standard, :by, :persons, :net, :tier, cast(:groups as smallint[]))
                returning id""")
                .param("app", b.applicationId()).param("household", b.householdId()).param("payee", b.payeePersonId())
                .param("area", b.areaCode()).param("type", b.assistanceType()).param("category", b.category())
                .param("oneOff", b.oneOff()).param("gap", m.gap()).param("topup", m.topUp()).param("basic", m.basic())
                .param("care", m.care()).param("total", m.total()).param("start", b.start().atDay(1))
                .param("end", b.oneOff() ? b.start().atDay(1) : null).param("check", b.checkId())
                .param("standard", b.standardId()).param("by", CurrentStaff.usernameOrSystem())
                .param("persons", basis.persons()).param("net", basis.netIncome())
                .param("tier", basis.careTier() == null ? null : basis.careTier().name())
                .param("groups", basis.topUpGroups() == null ? null : basis.topUpGroups().stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .query(Long.class).single();
    }

    /** A transfer ends the old benefit the month before the new one starts: no gap, no overlap of money. */
    private void transfer(Coverage.Transfer t) {
        Locked b = new Locked(t.from().id(), t.from().householdId(), null, false, t.from().start());
        YearMonth at = t.at().isBefore(t.from().start()) ? t.from().start() : t.at();
        BenefitVersion current = versions(b.id()).stream().filter(v -> v.covers(at)).findFirst().orElse(null);
        String area = jdbc.sql("select area_code from benefit where id = :id").param("id", b.id())
                .query(String.class).single();
        long versionId = newVersion(b, at, null, ChangeKind.STOP, "STOPPED", zero(), "TRANSFER",
                "转入新的救助待遇（审批后自 " + at + " 起）", current == null ? null : current.standardId(),
                CurrentStaff.usernameOrSystem());
        audit.record("BENEFIT_TRANSFER", "benefit", b.id(), area,
                "ended from " + at + " by a transfer to a new approval (version " + versionId + ")");
    }

    /**
     * Refuses a new case of this type for the applicant when a benefit in force from next month already
     * covers him by the same type (a new case after 已纳入), or, for 低保边缘 and 刚性支出, when the
     * household is on a household programme: such a case could never be approved (ADR 0026).
     */
    @Transactional(readOnly = true)
    public void refuseDuplicate(long householdId, long applicantId, String assistanceType, String programme,
                                String field) {
        coverage.duplicate(householdId, applicantId, assistanceType, programme, YearMonth.now(clock).plusMonths(1))
                .ifPresent(b -> {
                    throw new DomainException(field, "application.alreadyCovered", String.valueOf(b.id()),
                            cn.dibao.engine.Programme.valueOf(b.category()).label());
                });
    }

    /** The benefits an approved case opened (one, or one per 特困 person), within the user's scope. */
    @Transactional(readOnly = true)
    public List<Long> idsOfApplication(long applicationId) {
        return jdbc.sql("select id from benefit where application_id = :id and area_code like :scope order by id")
                .param("id", applicationId).param("scope", CurrentStaff.scope().likePattern())
                .query(Long.class).list();
    }

    // ---- read ---------------------------------------------------------------------------------------

    /** A benefit in the user's scope (404 otherwise), with its versions and 追回 balance. */
    @Transactional(readOnly = true)
    public BenefitView get(long benefitId) {
        record Row(long id, long applicationId, long householdId, long payee, String payeeName, String area,
                   String category, boolean oneOff, String status, YearMonth start, YearMonth end) {
        }
        Row r = jdbc.sql("""
                        select b.id, b.application_id, b.household_id, b.payee_person_id, p.name, b.area_code, b.category,
                               b.one_off, b.status, b.start_month, b.end_month
                        from benefit b join person p on p.id = b.payee_person_id
                        where b.id = :id and b.area_code like :scope""")
                .param("id", benefitId).param("scope", CurrentStaff.scope().likePattern())
                .query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9), month(rs.getDate(10)),
                        month(rs.getDate(11))))
                .optional().orElseThrow(() -> new NotFoundException("benefit", benefitId));
        List<BenefitVersion> versions = versions(benefitId);
        YearMonth now = YearMonth.now(clock);
        BenefitVersion current = versions.stream().filter(v -> v.covers(now)).findFirst().orElse(null);
        BigDecimal overpaid = jdbc.sql("select coalesce(sum(amount), 0) from benefit_overpayment where benefit_id = :id")
                .param("id", benefitId).query(BigDecimal.class).single();
        BigDecimal recovered = jdbc.sql("""
                        select coalesce(-sum(amount), 0) from payout_item
                        where benefit_id = :id and kind = 'RECOVERY' and status in ('ISSUED', 'PAID')""")
                .param("id", benefitId).query(BigDecimal.class).single();
        BigDecimal repaid = jdbc.sql("select coalesce(sum(amount), 0) from benefit_repayment where benefit_id = :id")
                .param("id", benefitId).query(BigDecimal.class).single();
        List<BenefitView.Covered> covered = jdbc.sql("""
                        select p.id, p.name from benefit_person bp join person p on p.id = bp.person_id
                        where bp.benefit_id = :id order by p.id""")
                .param("id", benefitId).query((rs, i) -> new BenefitView.Covered(rs.getLong("id"), rs.getString("name")))
                .list();
        return new BenefitView(r.id, r.applicationId, r.householdId, r.payee, r.payeeName, r.area, r.category, r.oneOff,
                r.status, r.start, r.end, now, current, versions, overpaid, recovered, repaid, covered);
    }

    /** The benefits of a household in the user's scope, newest first. */
    @Transactional(readOnly = true)
    public List<BenefitView> forHousehold(long householdId) {
        return jdbc.sql("select id from benefit where household_id = :h and area_code like :scope order by id desc")
                .param("h", householdId).param("scope", CurrentStaff.scope().likePattern())
                .query(Long.class).list().stream().map(this::get).toList();
    }

    List<BenefitVersion> versions(long benefitId) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from benefit_version where benefit_id = :id order by valid_from, id")
                .param("id", benefitId).query(VERSION).list();
    }

    // ---- decisions ----------------------------------------------------------------------------------

    /**
     * Records a county decision as a new version from its effective month. 增发 / 减发 take the new
     * components; 停发 and 暂停 pay nothing from the month; 恢复 pays again what the last paid version
     * paid. A stop for a death takes effect from the month after the death.
     */
    @Transactional
    public BenefitView change(long benefitId, BenefitChange change) {
        StaffPrincipal me = CurrentStaff.require();
        if (change == null || change.kind() == null || !change.kind().manual()) {
            throw new DomainException("kind", "benefit.change.kind");
        }
        Locked b = lock(benefitId, me);
        String reason = reason(change.reasonCode(), change.reason());
        YearMonth typed = change.effective();
        if ("DEATH".equals(change.reasonCode())) {
            if (change.kind() != ChangeKind.STOP) {
                throw new DomainException("reasonCode", "benefit.change.deathIsStop");
            }
            if (change.deathDate() == null) {
                throw new DomainException("deathDate", "benefit.change.deathDate.required");
            }
            if (change.deathDate().isAfter(LocalDate.now(clock))) {
                throw new DomainException("deathDate", "benefit.change.deathDate.future");
            }
            // 死亡的，自次月起停发
            typed = YearMonth.from(change.deathDate()).plusMonths(1);
        }
        YearMonth effective = typed;
        checkEffective(b, effective);
        List<BenefitVersion> versions = versions(benefitId);
        BenefitVersion at = versions.stream().filter(v -> v.covers(effective)).findFirst().orElse(null);
        Optional<YearMonth> stoppedFrom = versions.stream().filter(v -> !v.cancelled() && v.status().equals("STOPPED"))
                .map(BenefitVersion::from).findFirst();
        if (stoppedFrom.isPresent() && !(change.kind() == ChangeKind.STOP && effective.isBefore(stoppedFrom.get()))) {
            // the only change to a stopped benefit: stopping it earlier (a death found out late)
            throw DomainException.global("benefit.change.stopped");
        }
        BigDecimal[] amounts;
        String status;
        switch (change.kind()) {
            case INCREASE, DECREASE -> {
                if (at == null || !at.status().equals("ACTIVE")) {
                    throw new DomainException("effective", "benefit.change.notActive");
                }
                amounts = components(change);
                BigDecimal total = amounts[4];
                int cmp = total.compareTo(at.monthlyAmount());
                if (change.kind() == ChangeKind.INCREASE && cmp <= 0) {
                    throw new DomainException("gap", "benefit.change.increase.notHigher", at.monthlyAmount().toPlainString());
                }
                if (change.kind() == ChangeKind.DECREASE && (cmp >= 0 || total.signum() == 0)) {
                    throw new DomainException("gap", "benefit.change.decrease.notLower", at.monthlyAmount().toPlainString());
                }
                status = "ACTIVE";
            }
            case SUSPEND -> {
                if (at == null || !at.status().equals("ACTIVE")) {
                    throw new DomainException("effective", "benefit.change.notActive");
                }
                amounts = zero();
                status = "SUSPENDED";
            }
            case RESUME -> {
                if (at == null || !at.status().equals("SUSPENDED")) {
                    throw new DomainException("effective", "benefit.change.notSuspended");
                }
                BenefitVersion last = versions.stream()
                        .filter(v -> !v.cancelled() && v.status().equals("ACTIVE") && v.from().isBefore(effective))
                        .reduce((x, y) -> y).orElseThrow(() -> new DomainException("effective", "benefit.change.notSuspended"));
                amounts = new BigDecimal[] {last.gap(), last.topup(), last.basic(), last.care(), last.monthlyAmount()};
                status = "ACTIVE";
            }
            case STOP -> {
                amounts = zero();
                status = "STOPPED";
            }
            default -> throw new DomainException("kind", "benefit.change.kind");
        }
        long versionId = newVersion(b, effective, null, change.kind(), status, amounts, change.reasonCode(), reason,
                at == null ? null : at.standardId(), me.getUsername());
        audit.record("BENEFIT_" + change.kind().name(), "benefit", benefitId, b.area,
                change.kind().label() + " from " + effective + " amount=" + amounts[4].toPlainString()
                        + (change.reasonCode() == null ? "" : " code=" + change.reasonCode()) + " version=" + versionId);
        return get(benefitId);
    }

    /**
     * 渐退期 (domain-rules §3.10): for {@code months} months from {@code effective} the benefit pays
     * {@code ratioPct}% of what it pays now, rounded once by the local rule, then stops. The length
     * may not exceed the local standard's {@code grace_months}.
     */
    @Transactional
    public BenefitView gradualExit(long benefitId, YearMonth effective, int months, BigDecimal ratioPct, String reason) {
        StaffPrincipal me = CurrentStaff.require();
        Locked b = lock(benefitId, me);
        String why = reason("EMPLOYMENT", reason);
        checkEffective(b, effective);
        List<BenefitVersion> versions = versions(benefitId);
        BenefitVersion at = versions.stream().filter(v -> v.covers(effective)).findFirst().orElse(null);
        if (at == null || !at.status().equals("ACTIVE")) {
            throw new DomainException("effective", "benefit.change.notActive");
        }
        if (versions.stream().anyMatch(v -> !v.cancelled() && v.status().equals("STOPPED"))) {
            throw DomainException.global("benefit.change.stopped");
        }
        record Rule(int maxMonths, String rounding) {
        }
        Rule rule = jdbc.sql("""
                        select s.grace_months, s.rounding_rule from subsidy_standard s
                        where s.area_code in (:township, :county) and s.effective_from <= :month
                          and (s.hukou_type is null or s.hukou_type = (select hukou_type from household where id = :h))
                        order by s.effective_from desc, (s.area_code = :township) desc, (s.hukou_type is not null) desc
                        limit 1""")
                .param("township", b.area.substring(0, 9) + "000").param("county", b.area.substring(0, 6) + "000000")
                .param("month", effective.atDay(1)).param("h", b.householdId)
                .query((rs, i) -> new Rule(rs.getInt(1), rs.getString(2))).optional()
                .orElseThrow(() -> DomainException.global("benefit.gradual.noStandard"));
        if (months < 1 || months > rule.maxMonths()) {
            throw new DomainException("months", "benefit.gradual.months", rule.maxMonths());
        }
        if (ratioPct == null || ratioPct.signum() <= 0 || ratioPct.compareTo(BigDecimal.valueOf(100)) > 0
                || ratioPct.scale() > 2) {
            throw new DomainException("ratioPct", "benefit.gradual.ratio");
        }
        // one rounding, by the local rule, of the reduced total (never of each component)
        BigDecimal reduced = jdbc.sql("select round_benefit(:amount * :ratio / 100, :rule)")
                .param("amount", at.monthlyAmount()).param("ratio", ratioPct).param("rule", rule.rounding())
                .query(BigDecimal.class).single().setScale(2, RoundingMode.UNNECESSARY).min(at.monthlyAmount());
        BigDecimal others = at.topup().add(at.basic()).add(at.care());
        BigDecimal[] amounts = reduced.compareTo(others) >= 0
                ? new BigDecimal[] {reduced.subtract(others), at.topup(), at.basic(), at.care(), reduced}
                : new BigDecimal[] {reduced, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                        BigDecimal.ZERO.setScale(2), reduced};
        YearMonth end = effective.plusMonths(months);
        newVersion(b, effective, end, ChangeKind.GRADUAL_EXIT, "ACTIVE", amounts, "EMPLOYMENT",
                why + "（渐退期 " + months + " 个月，按 " + ratioPct.stripTrailingZeros().toPlainString() + "% 发放）",
                at.standardId(), me.getUsername());
        insertVersion(benefitId, end, null, ChangeKind.STOP, "STOPPED", zero(), "EMPLOYMENT", "渐退期满停发",
                at.standardId(), me.getUsername());
        jdbc.sql("update benefit set status = 'STOPPED', end_month = :end, changed_at = now() where id = :id")
                .param("end", end.minusMonths(1).atDay(1)).param("id", benefitId).update();
        audit.record("BENEFIT_GRADUAL_EXIT", "benefit", benefitId, b.area,
                "渐退期 " + effective + " × " + months + " months at " + ratioPct.toPlainString() + "% = "
                        + reduced.toPlainString() + ", stop from " + end);
        return get(benefitId);
    }

    /**
     * Records money paid back outside the payout runs against what the benefit still owes (追缴 at the
     * counter, e.g. by the family after a death found out late); the runs then deduct only the rest.
     */
    @Transactional
    public BenefitView recordRepayment(long benefitId, BigDecimal amount, LocalDate paidOn, String note) {
        StaffPrincipal me = CurrentStaff.require();
        Locked b = lock(benefitId, me);
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new DomainException("amount", "benefit.repayment.amount");
        }
        if (paidOn == null) {
            throw new DomainException("paidOn", "benefit.repayment.paidOn.required");
        }
        if (paidOn.isAfter(LocalDate.now(clock))) {
            throw new DomainException("paidOn", "benefit.repayment.paidOn.future");
        }
        if (note == null || note.isBlank() || note.strip().length() > 200) {
            throw new DomainException("note", "benefit.repayment.note");
        }
        BigDecimal outstanding = get(benefitId).outstanding();
        if (amount.compareTo(outstanding) > 0) {
            throw new DomainException("amount", "benefit.repayment.tooMuch", outstanding.toPlainString());
        }
        long id = jdbc.sql("""
                        insert into benefit_repayment (benefit_id, amount, paid_on, note, recorded_by)
                        values (:b, :amount, :paidOn, :note, :by) returning id""")
                .param("b", benefitId).param("amount", amount).param("paidOn", Date.valueOf(paidOn))
                .param("note", note.strip()).param("by", me.getUsername()).query(Long.class).single();
        audit.record("BENEFIT_REPAYMENT", "benefit", benefitId, b.area(),
                "repaid " + amount.toPlainString() + " on " + paidOn + " (repayment " + id + "): " + note.strip());
        return get(benefitId);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /**
     * Names another current member of the household as the payee of its 低保 (e.g. the head is in
     * hospital), with a reason; audited. 单人保 and 特困 are paid to the person they cover.
     */
    @Transactional
    public BenefitView changePayee(long benefitId, Long personId, String reason) {
        StaffPrincipal me = CurrentStaff.require();
        Locked b = lock(benefitId, me);
        String why = reason(null, reason);
        String category = jdbc.sql("select category from benefit where id = :id").param("id", benefitId)
                .query(String.class).single();
        if (!category.equals("DIBAO")) {
            throw new DomainException("personId", "benefit.payee.notDibao");
        }
        boolean member = personId != null && jdbc.sql("""
                        select exists (select 1 from household_member
                                       where household_id = :h and person_id = :p and left_on is null)""")
                .param("h", b.householdId()).param("p", personId).query(Boolean.class).single();
        if (!member) {
            throw new DomainException("personId", "benefit.payee.notMember");
        }
        long before = jdbc.sql("select payee_person_id from benefit where id = :id").param("id", benefitId)
                .query(Long.class).single();
        if (before == personId) {
            throw new DomainException("personId", "benefit.payee.same");
        }
        jdbc.sql("update benefit set payee_person_id = :p where id = :id").param("p", personId).param("id", benefitId)
                .update();
        audit.record("BENEFIT_PAYEE", "benefit", benefitId, b.area(),
                "payee person " + before + " -> " + personId + ": " + why);
        return get(benefitId);
    }

    private record Locked(long id, long householdId, String area, boolean oneOff, YearMonth start) {
    }

    /** The benefit row locked (so two decisions on one benefit queue), in scope, by a county reviewer. */
    private Locked lock(long benefitId, StaffPrincipal me) {
        Locked b = jdbc.sql("""
                        select id, household_id, area_code, one_off, start_month from benefit
                        where id = :id and area_code like :scope for update""")
                .param("id", benefitId).param("scope", me.scope().likePattern())
                .query((rs, i) -> new Locked(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4),
                        month(rs.getDate(5))))
                .optional().orElseThrow(() -> new NotFoundException("benefit", benefitId));
        // 增发、减发、停发 are county decisions (domain-rules §2.1)
        if (!me.hasRole(Role.REVIEWER) || me.scope().prefix().length() > 6) {
            throw new ForbiddenActionException("benefit.role.REVIEWER");
        }
        if (b.oneOff()) {
            throw DomainException.global("benefit.change.oneOff");
        }
        return b;
    }

    private void checkEffective(Locked b, YearMonth effective) {
        if (effective == null) {
            throw new DomainException("effective", "benefit.change.effective.required");
        }
        if (effective.isBefore(b.start())) {
            throw new DomainException("effective", "benefit.change.effective.beforeStart", b.start().toString());
        }
        YearMonth now = YearMonth.now(clock);
        if (effective.isBefore(now.minusMonths(MAX_MONTHS_BACK)) || effective.isAfter(now.plusMonths(12))) {
            throw new DomainException("effective", "benefit.change.effective.range", MAX_MONTHS_BACK);
        }
    }

    private static String reason(String code, String reason) {
        if (code != null && !REASON_CODES.contains(code)) {
            throw new DomainException("reasonCode", "benefit.change.reasonCode");
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainException("reason", "benefit.change.reason.required");
        }
        if (reason.strip().length() > 400) {
            throw new DomainException("reason", "benefit.change.reason.long", 400);
        }
        return reason.strip();
    }

    /** gap, topup, basic, care and their total, each ≥ 0 with at most two decimals. */
    private static BigDecimal[] components(BenefitChange c) {
        BigDecimal[] out = new BigDecimal[5];
        String[] fields = {"gap", "topup", "basic", "care"};
        BigDecimal[] given = {c.gap(), c.topup(), c.basic(), c.care()};
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 4; i++) {
            BigDecimal v = given[i] == null ? BigDecimal.ZERO : given[i];
            if (v.signum() < 0 || v.stripTrailingZeros().scale() > 2 || v.compareTo(new BigDecimal("1000000")) >= 0) {
                throw new DomainException(fields[i], "benefit.change.amount.invalid");
            }
            out[i] = v.setScale(2, RoundingMode.UNNECESSARY);
            total = total.add(out[i]);
        }
        out[4] = total;
        return out;
    }

    private static BigDecimal[] zero() {
        BigDecimal z = BigDecimal.ZERO.setScale(2);
        return new BigDecimal[] {z, z, z, z, z};
    }

    /**
     * Ends the version covering {@code from}, cancels those that would start at or after it, inserts
     * the new one and keeps the benefit row's summary (status, end month, changed_at) in step.
     */
    private long newVersion(Locked b, YearMonth from, YearMonth to, ChangeKind kind, String status, BigDecimal[] a,
                            String reasonCode, String reason, Long standardId, String by) {
        Date first = Date.valueOf(from.atDay(1));
        jdbc.sql("""
                update benefit_version set valid_to = valid_from
                where benefit_id = :id and valid_from >= :from and valid_to is distinct from valid_from""")
                .param("id", b.id()).param("from", first).update();
        jdbc.sql("""
                update benefit_version set valid_to = :from
                where benefit_id = :id and valid_from < :from and (valid_to is null or valid_to > :from)""")
                .param("id", b.id()).param("from", first).update();
        long id = insertVersion(b.id(), from, to, kind, status, a, reasonCode, reason, standardId, by);
        jdbc.sql("""
                update benefit set status = :status, end_month = :end, changed_at = now() where id = :id""")
                .param("status", status).param("end", status.equals("STOPPED") ? Date.valueOf(from.minusMonths(1).atDay(1)) : null)
                .param("id", b.id()).update();
        return id;
    }

    private long insertVersion(long benefitId, YearMonth from, YearMonth to, ChangeKind kind, String status,
                               BigDecimal[] a, String reasonCode, String reason, Long standardId, String by) {
        return jdbc.sql("""
                        insert into benefit_version (benefit_id, valid_from, valid_to, change_kind, status, amount_gap,
                            amount_topup, amount_basic, amount_care, monthly_amount, reason_code, reason, standard_id,
                            created_at, created_by)
                        values (:b, :from, :to, :kind, :status, :gap, :topup, :basic, :care, :total, :code, :reason,
                            :standard, :at, :by)
                        returning id""")
                .param("b", benefitId).param("from", Date.valueOf(from.atDay(1)))
                .param("to", to == null ? null : Date.valueOf(to.atDay(1))).param("kind", kind.name())
                .param("status", status).param("gap", a[0]).param("topup", a[1]).param("basic", a[2])
                .param("care", a[3]).param("total", a[4]).param("code", reasonCode).param("reason", reason)
                .param("standard", standardId).param("at", Timestamp.from(clock.instant())).param("by", by)
                .query(Long.class).single();
    }

    static YearMonth month(java.sql.Date d) {
        return d == null ? null : YearMonth.from(d.toLocalDate());
    }
}
