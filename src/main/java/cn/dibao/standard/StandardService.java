package cn.dibao.standard;

import cn.dibao.area.AreaCodes;
import cn.dibao.area.AreaLevel;
import cn.dibao.area.AreaService;
import cn.dibao.area.AreaView;
import cn.dibao.audit.AuditTrail;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.engine.Programme;
import cn.dibao.engine.TopUpMode;
import cn.dibao.household.HukouType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Effective-dated local standards (地方标准). A version applies from its month until a later
 * version of the same area and hukou type (or of the county, see {@link #inForce}) takes over.
 * A version is evidence once an eligibility check used it, and the past never changes: only a
 * future, unused version can be edited; anything else is superseded by a new version.
 */
@Service
@Transactional(readOnly = true)
public class StandardService {

    static final BigDecimal TEKUN_MIN_MULTIPLE = new BigDecimal("1.3");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final SubsidyStandardRepository standards;
    private final AreaService areas;
    private final AuditTrail audit;
    private final Clock clock;
    private final Validator validator;

    StandardService(SubsidyStandardRepository standards, AreaService areas, AuditTrail audit, Clock clock,
                    Validator validator) {
        this.standards = standards;
        this.areas = areas;
        this.audit = audit;
        this.clock = clock;
        this.validator = validator;
    }

    /** The month it is now by the app's clock (China Standard Time). */
    public YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    /**
     * Whether a version takes effect after this month (scheduled): until then its administrator may
     * still edit it, so nothing that must stay explainable (a stored check) may rest on it (ADR 0023).
     */
    public boolean notYetInForce(StandardVersion v) {
        return v.effectiveFrom().isAfter(currentMonth());
    }

    /**
     * The version that applies to a household of this area (normally a village; a township or
     * county code works too) and hukou type in a month. Candidates are the versions of the
     * area's township and of its county, for this hukou type or for both, effective in or
     * before the month. The latest month wins; on the same month a township's version beats
     * its county's, then a version for this hukou type beats one for both. So a township
     * override lasts until the county (or the township) issues a later version.
     * <p>
     * Deliberately NOT limited to the current user's scope: monthly payouts, reviews and other
     * batch work resolve standards without a logged-in user. Callers answering a user must check
     * the area's scope themselves (as the API does with {@link AreaService#get}).
     */
    public Optional<StandardVersion> inForce(String areaCode, HukouType hukou, YearMonth month) {
        if (areaCode == null || !areaCode.matches("[0-9]{12}") || month == null) {
            return Optional.empty();
        }
        return standards.findInForce(AreaCodes.townshipOf(areaCode), AreaCodes.countyOf(areaCode),
                hukou == null ? null : hukou.name(), month.atDay(1)).map(SubsidyStandard::view);
    }

    /** What applies this month to the urban and the rural households of an area (null: nothing). */
    public CurrentStandards inForceNow(AreaView area) {
        YearMonth now = currentMonth();
        return new CurrentStandards(area, inForce(area.code(), HukouType.URBAN, now).orElse(null),
                inForce(area.code(), HukouType.RURAL, now).orElse(null));
    }

    /** The counties and townships in the user's scope with what applies there this month. */
    public List<CurrentStandards> overview() {
        return areas.listInScope().stream().filter(a -> a.level() != AreaLevel.VILLAGE && !a.retired())
                .map(this::inForceNow).toList();
    }

    /** An area that can have standards: a county or township in the user's scope; else "not found". */
    public AreaView standardArea(String areaCode) {
        AreaView area = areas.get(areaCode);
        if (area.level() == AreaLevel.VILLAGE) {
            throw new NotFoundException("standard area", areaCode);
        }
        return area;
    }

    /** An area's own versions, newest month first, each with its status. */
    public List<TimelineEntry> timeline(String areaCode) {
        AreaView area = areas.get(areaCode);
        List<SubsidyStandard> versions = standards.findTimeline(area.code());
        if (versions.isEmpty()) {
            return List.of();
        }
        YearMonth now = currentMonth();
        CurrentStandards current = inForceNow(area);
        Set<Long> used = new HashSet<>(standards.usedAmong(versions.stream().map(SubsidyStandard::getId).toList()));
        return versions.stream().map(s -> {
            boolean isUsed = used.contains(s.getId());
            boolean future = s.month().isAfter(now);
            return new TimelineEntry(s.view(), current.includes(s.getId()), future, future && !isUsed, isUsed);
        }).toList();
    }

    /**
     * One version by id, whatever the user's area: the settings a case was accepted under are
     * public rules, read by the applications of every township of the county.
     */
    public StandardVersion version(long id) {
        return standards.findById(id).map(SubsidyStandard::view)
                .orElseThrow(() -> new NotFoundException("standard", id));
    }

    /** One version with its status, within the user's scope. */
    public TimelineEntry entry(long id) {
        SubsidyStandard s = findInScope(id);
        boolean used = standards.isUsed(id);
        boolean future = s.month().isAfter(currentMonth());
        boolean inForceNow = inForceNow(areas.get(s.getAreaCode())).includes(id);
        return new TimelineEntry(s.view(), inForceNow, future, future && !used, used);
    }

    /**
     * A new version's form for an area, starting from next month: a copy of the area's latest
     * version, else (for a township) of its county's latest, else the national defaults.
     */
    public StandardForm newVersionForm(String areaCode) {
        AreaView area = standardArea(areaCode);
        YearMonth next = currentMonth().plusMonths(1);
        Optional<SubsidyStandard> latest = standards.findTimeline(area.code()).stream().findFirst();
        if (latest.isEmpty() && area.level() == AreaLevel.TOWNSHIP) {
            latest = standards.findTimeline(AreaCodes.countyOf(area.code())).stream().findFirst();
        }
        return latest.map(s -> StandardForm.from(s.view()).forNewVersion(area.code(), next))
                .orElseGet(() -> StandardForm.defaults(area.code(), next));
    }

    @Transactional
    public StandardVersion create(StandardForm form) {
        check(form);
        if (form.areaCode() == null) {
            throw new DomainException("areaCode", "standard.area.required");
        }
        AreaView area = areas.get(form.areaCode());
        if (area.level() == AreaLevel.VILLAGE) {
            throw new DomainException("areaCode", "standard.area.level");
        }
        if (area.retired()) {
            throw new DomainException("areaCode", "standard.area.retired");
        }
        checkRules(form, area.code(), 0L);
        SubsidyStandard saved = standards.save(new SubsidyStandard(area.code(), form));
        standards.flush();
        audit.record("STANDARD_CREATED", "subsidy_standard", saved.getId(), area.code(), summary(saved));
        return saved.view();
    }

    /**
     * Changes a version that is still editable: its month is after the current month and no
     * eligibility check used it. Its area never changes; its month must stay in the future.
     */
    @Transactional
    public StandardVersion update(long id, StandardForm form, long expectedVersion) {
        SubsidyStandard s = findInScope(id);
        if (!s.month().isAfter(currentMonth()) || standards.isUsed(id)) {
            throw DomainException.global("standard.locked");
        }
        if (s.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException("subsidy_standard " + id + " changed");
        }
        check(form);
        if (!form.effectiveFrom().isAfter(currentMonth())) {
            throw new DomainException("effectiveFrom", "standard.effectiveFrom.mustStayFuture");
        }
        checkRules(form, s.getAreaCode(), id);
        String before = summary(s);
        s.apply(form);
        standards.flush();
        String after = summary(s);
        audit.record("STANDARD_UPDATED", "subsidy_standard", id, s.getAreaCode(),
                before.equals(after) ? after : after + "（原 " + before + "）");
        return s.view();
    }

    private SubsidyStandard findInScope(long id) {
        SubsidyStandard s = standards.findById(id).orElseThrow(() -> new NotFoundException("standard", id));
        areas.get(s.getAreaCode()); // not found outside the user's scope
        return s;
    }

    /** Bean Validation for callers other than the pages (which validate the form first). */
    private void check(StandardForm form) {
        if (form == null) {
            throw DomainException.global("standard.required");
        }
        validator.validate(form).stream()
                .min(Comparator.comparing((ConstraintViolation<StandardForm> v) -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    throw new DomainException(v.getPropertyPath().toString(), "standard.invalid", v.getMessage());
                });
    }

    /**
     * Rules across fields and rows; the single-field ranges were checked on the form. Fields are
     * named by their path in the form ({@code tekun.tekunBasic}), as Bean Validation names them.
     */
    private void checkRules(StandardForm f, String areaCode, long exceptId) {
        BigDecimal tekunMin = f.dibao().dibaoStandard().multiply(TEKUN_MIN_MULTIPLE).setScale(2, RoundingMode.HALF_UP);
        if (f.tekun().tekunBasic().compareTo(tekunMin) < 0) {
            throw new DomainException("tekun.tekunBasic", "standard.tekunBasic.min", tekunMin.toPlainString());
        }
        TopUps t = f.topUps();
        checkPercentTopUp("topUps.topupElderlyValue", t.topupElderlyMode(), t.topupElderlyValue());
        checkPercentTopUp("topUps.topupMinorValue", t.topupMinorMode(), t.topupMinorValue());
        checkPercentTopUp("topUps.topupDisabilityValue", t.topupDisabilityMode(), t.topupDisabilityValue());
        checkPercentTopUp("topUps.topupIllnessValue", t.topupIllnessMode(), t.topupIllnessValue());
        for (Programme programme : ProgrammeProcedures.PROGRAMMES) {
            checkProcedure("procedures." + ProgrammeProcedures.section(programme) + ".", f.procedures().of(programme));
        }
        for (cn.dibao.household.ExclusionReason c : IncomeExclusions.CATEGORIES) {
            checkExclusion("incomeExclusions." + IncomeExclusions.section(c) + ".", f.incomeExclusions().of(c));
        }
        if (standards.existsVersion(areaCode, f.hukouType() == null ? null : f.hukouType().name(),
                f.effectiveFrom().atDay(1), exceptId)) {
            throw new DomainException("effectiveFrom", "standard.effectiveFrom.duplicate", f.effectiveFrom().toString());
        }
    }

    /** A programme's limits: the extended total is not shorter, the township's own limit not longer, than the total. */
    private static void checkProcedure(String path, ProgrammeProcedure p) {
        if (p.totalExtendedWd() < p.totalWd()) {
            throw new DomainException(path + "totalExtendedWd", "standard.totalExtendedWd.min", p.totalWd());
        }
        if (p.townshipWd() != null && p.townshipWd() > p.totalWd()) {
            throw new DomainException(path + "townshipWd", "standard.townshipWd.max", p.totalWd());
        }
    }

    /** An end date only ends an exclusion: one for a programme the category counts for is refused, not ignored. */
    private static void checkExclusion(String path, IncomeExclusion x) {
        if (!x.dibao() && x.dibaoUntil() != null) {
            throw new DomainException(path + "dibaoUntil", "standard.exclusion.untilWithoutExclusion");
        }
        if (!x.tekun() && x.tekunUntil() != null) {
            throw new DomainException(path + "tekunUntil", "standard.exclusion.untilWithoutExclusion");
        }
    }

    private static void checkPercentTopUp(String field, TopUpMode mode, BigDecimal value) {
        if (mode == TopUpMode.PERCENT && value.compareTo(HUNDRED) > 0) {
            throw new DomainException(field, "standard.topup.percent");
        }
    }

    /** For the audit trail (zh-CN, like the other audit details): month, hukou type and 低保标准. */
    private static String summary(SubsidyStandard s) {
        String hukou = s.getHukouType() == null ? "城乡" : s.getHukouType() == HukouType.URBAN ? "城镇" : "农村";
        return s.month() + " 起 " + hukou + " 低保标准 " + yuan(s.getDibao().dibaoStandard()) + " 元/人/月，特困基本生活 "
                + yuan(s.getTekun().tekunBasic()) + " 元/人/月";
    }

    private static String yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A version on an area's timeline. */
    public record TimelineEntry(StandardVersion version, boolean inForceNow, boolean future, boolean editable,
                                boolean used) {

        /** In force now, future, or superseded by a later version. */
        public String status() {
            return inForceNow ? "IN_FORCE" : future ? "FUTURE" : "SUPERSEDED";
        }
    }

    /**
     * What applies this month in an area to urban and to rural households (null: no version);
     * usually one version for both. A version of another area is inherited from the county.
     */
    public record CurrentStandards(AreaView area, StandardVersion urban, StandardVersion rural) {

        public boolean none() {
            return urban == null && rural == null;
        }

        /** One version applies to urban and rural households alike. */
        public boolean uniform() {
            return urban != null && rural != null && urban.id() == rural.id();
        }

        boolean includes(long id) {
            return urban != null && urban.id() == id || rural != null && rural.id() == id;
        }
    }
}
