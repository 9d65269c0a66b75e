package cn.dibao.eligibility;

import cn.dibao.audit.AuditTrail;
import cn.dibao.common.security.CurrentStaff;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.engine.EligibilityEngine;
import cn.dibao.engine.EligibilityEngine.CareSetting;
import cn.dibao.engine.EligibilityResult;
import cn.dibao.engine.HouseholdSnapshot;
import cn.dibao.engine.Parameters;
import cn.dibao.household.HouseholdFile;
import cn.dibao.household.HouseholdService;
import cn.dibao.household.HukouType;
import cn.dibao.standard.StandardService;
import cn.dibao.standard.StandardVersion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the engine for a household and a month with the standard in force then, and stores each
 * run as an immutable snapshot: the inputs as the engine saw them, the explained result, and the
 * standard version. A stored check is never recomputed; a new run is a new check.
 */
@Service
@Transactional(readOnly = true)
public class EligibilityCheckService {

    private final HouseholdService households;
    private final StandardService standards;
    private final EligibilityCheckRepository checks;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final Verdict verdict;
    private final EligibilityEngine engine = new EligibilityEngine();

    EligibilityCheckService(HouseholdService households, StandardService standards, EligibilityCheckRepository checks,
                            AuditTrail audit, JsonMapper json, Clock clock, Verdict verdict) {
        this.verdict = verdict;
        this.households = households;
        this.standards = standards;
        this.checks = checks;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public record CheckSummary(long id, YearMonth month, String categoryLabel, java.math.BigDecimal monthlyTotal,
                               java.time.Instant checkedAt, String checkedBy) {
    }

    /** Why {@link #run} refused a month: its standard is not in force yet; the first argument is its month. */
    public static final String STANDARD_NOT_IN_FORCE = "eligibility.standard.notInForce";

    /**
     * Runs and stores a check. The household must be in the user's scope. A month whose standard is
     * not in force yet (it takes effect after this month) is refused on {@code month}: a stored check
     * is evidence that locks its standard, and the administrator may still edit a scheduled one, so
     * such a month is only previewed ({@link #previewOf}, ADR 0023).
     */
    @Transactional
    public CheckReport run(long householdId, YearMonth month, CareSetting care) {
        Evaluation e = evaluate(householdId, month, care);
        if (standards.notYetInForce(e.standard())) {
            throw new DomainException("month", STANDARD_NOT_IN_FORCE, e.standard().effectiveFrom().toString());
        }
        HouseholdFile file = e.file();
        EligibilityResult result = e.result();
        String by = CurrentStaff.usernameOrSystem();
        CheckReport report = explained(CheckReport.of(null, householdId, e.setting().name(), result, clock.instant(),
                by, file.areaCode()), file, month);
        EligibilityCheck saved = checks.save(new EligibilityCheck(householdId, file.areaCode(), month.atDay(1),
                e.standard().id(), result.category() == null ? "NONE" : result.category().name(),
                result.monthlyTotal(), json.writeValueAsString(e.snapshot()), json.writeValueAsString(report),
                report.checkedAt(), by));
        audit.record("ELIGIBILITY_CHECKED", "household", householdId, file.areaCode(),
                month + " " + report.categoryLabel() + " " + result.monthlyTotal().toPlainString() + " 元（检查 #"
                        + saved.getId() + "）");
        return report.withId(saved.getId());
    }

    /**
     * The check {@link #run} would make, evaluated the same way but not stored, for any month: what a
     * month under a standard not in force yet shows (ADR 0023). It uses no standard and locks none.
     */
    public CheckReport previewOf(long householdId, YearMonth month, CareSetting care) {
        Evaluation e = evaluate(householdId, month, care);
        return explained(CheckReport.of(null, householdId, e.setting().name(), e.result(), clock.instant(),
                CurrentStaff.usernameOrSystem(), e.file().areaCode()), e.file(), month);
    }

    /** The report with whom the month leaves out and the one line that says why (ADR 0022). */
    private CheckReport explained(CheckReport bare, HouseholdFile file, YearMonth month) {
        List<CheckReport.Absence> absent = SnapshotFactory.absences(file, month);
        return bare.withVerdict(absent, verdict.of(bare, absent));
    }

    /** A household of the user's scope evaluated for a month with the standard in force then. */
    private Evaluation evaluate(long householdId, YearMonth month, CareSetting care) {
        if (month == null) {
            throw new DomainException("month", "eligibility.month.required");
        }
        HouseholdFile file = households.file(householdId);
        StandardVersion standard = standards.inForce(file.areaCode(), file.hukouType(), month)
                .orElseThrow(() -> new DomainException("month", "eligibility.noStandard"));
        HouseholdSnapshot snapshot = SnapshotFactory.of(file, month, standard.dibao().incomeReferenceMonths());
        CareSetting setting = care == null ? CareSetting.HOME : care;
        return new Evaluation(file, standard, snapshot, setting,
                engine.evaluate(snapshot, ParametersFactory.of(standard), setting));
    }

    private record Evaluation(HouseholdFile file, StandardVersion standard, HouseholdSnapshot snapshot,
                              CareSetting setting, EligibilityResult result) {
    }

    public CheckReport get(long checkId) {
        EligibilityCheck c = checks.findInScope(checkId, CurrentStaff.scope().likePattern())
                .orElseThrow(() -> new NotFoundException("eligibility check", checkId));
        return read(c);
    }

    /**
     * The stored report. One stored before components and persons carried codes and ids is read with
     * the codes of the same evaluation re-run on its stored input and standard (a used standard version
     * is never edited): only when every amount and person of the re-run is the stored one; otherwise it
     * is returned without codes and approval asks for a new 初审 (ADR 0015). Labels are never parsed.
     */
    private CheckReport read(EligibilityCheck c) {
        CheckReport stored = json.readValue(c.getResult(), CheckReport.class).withId(c.getId());
        if (stored.hasCodes()) {
            return stored;
        }
        CareSetting setting = stored.careSetting() == null ? CareSetting.HOME : CareSetting.valueOf(stored.careSetting());
        EligibilityResult again = engine.evaluate(json.readValue(c.getInput(), HouseholdSnapshot.class),
                ParametersFactory.of(standards.version(stored.standardId())), setting);
        CheckReport rerun = CheckReport.of(c.getId(), stored.householdId(), stored.careSetting(), again,
                stored.checkedAt(), stored.checkedBy(), stored.areaCode()).withVerdict(stored.absent(), stored.verdict());
        return stored.sameFigures(rerun) ? rerun : stored;
    }

    /**
     * The 分类施保 groups ({@link EligibilityEngine#topUpGroups}) of each person a 低保 or 单人保 amount of
     * the check covers who is in at least one group: what a new standard recalculates the 分类施保 from
     * (ADR 0013). Empty for another programme.
     */
    public List<Integer> topUpGroups(long checkId, cn.dibao.engine.Programme programme) {
        return topUpGroups(checkId, programme, null);
    }

    /** {@link #topUpGroups(long, cn.dibao.engine.Programme)} of one covered person (his own benefit, ADR 0026). */
    public List<Integer> topUpGroups(long checkId, cn.dibao.engine.Programme programme, Long personId) {
        EligibilityCheck c = checks.findInScope(checkId, CurrentStaff.scope().likePattern())
                .orElseThrow(() -> new NotFoundException("eligibility check", checkId));
        HouseholdSnapshot snapshot = json.readValue(c.getInput(), HouseholdSnapshot.class);
        java.util.function.Predicate<HouseholdSnapshot.Member> covered = switch (programme) {
            case DIBAO -> HouseholdSnapshot.Member::counted;
            case DIBAO_SINGLE -> {
                // 单人保 covers the persons its report names (the engine's own choice of them), by id
                List<Long> persons = coveredPersons(read(c), programme);
                yield m -> m.counted() && persons.contains(m.personId());
            }
            default -> m -> false;
        };
        // the ages of the groups are the checked standard version's own
        Parameters parameters = ParametersFactory.of(standards.version(c.getStandardId()));
        return snapshot.members().stream().filter(covered)
                .filter(m -> personId == null || personId == m.personId())
                .map(m -> EligibilityEngine.topUpGroups(m, parameters)).filter(g -> g != 0).toList();
    }

    private static List<Long> coveredPersons(CheckReport report, cn.dibao.engine.Programme programme) {
        List<Long> ids = report.programme(programme).personIds();
        if (ids == null) {
            throw DomainException.global("eligibility.check.noCodes", report.checkId());
        }
        return ids;
    }

    /** The inputs the engine saw, as stored (JSON). */
    public String inputOf(long checkId) {
        return checks.findInScope(checkId, CurrentStaff.scope().likePattern())
                .orElseThrow(() -> new NotFoundException("eligibility check", checkId)).getInput();
    }

    public List<CheckSummary> forHousehold(long householdId) {
        households.file(householdId); // scope check
        return checks.findTop20ByHouseholdIdOrderByCheckedAtDesc(householdId).stream()
                .map(c -> new CheckSummary(c.getId(), YearMonth.from(c.getMonth()), label(c.getCategory()),
                        c.getMonthlyTotal(), c.getCheckedAt(), c.getCheckedBy())).toList();
    }

    /** Evaluates a described household without saving anything. */
    public CheckReport preview(PreviewRequest req) {
        StandardVersion standard = standards.inForce(req.areaCode(), req.hukouType(), req.month())
                .orElseThrow(() -> new DomainException("month", "eligibility.noStandard"));
        HouseholdSnapshot snapshot = snapshotOf(req);
        CareSetting setting = req.careSetting() == null ? CareSetting.HOME : req.careSetting();
        EligibilityResult result = engine.evaluate(snapshot, ParametersFactory.of(standard), setting);
        CheckReport bare = CheckReport.of(null, null, setting.name(), result, clock.instant(),
                CurrentStaff.usernameOrSystem(), req.areaCode());
        List<CheckReport.Absence> absent = snapshot.members().stream().filter(m -> !m.counted())
                .map(m -> new CheckReport.Absence(null, m.name(), null, CheckReport.Absence.Kind.NOT_COUNTED, null,
                        m.notCountedReason())).toList();
        return bare.withVerdict(absent, verdict.of(bare, absent));
    }

    private static String label(String category) {
        return "NONE".equals(category) ? CheckReport.NO_CATEGORY
                : cn.dibao.engine.Programme.valueOf(category).label();
    }

    static HouseholdSnapshot snapshotOf(PreviewRequest req) {
        Map<String, Long> ids = new HashMap<>();
        List<HouseholdSnapshot.Member> members = new ArrayList<>();
        for (int i = 0; i < req.members().size(); i++) {
            PreviewRequest.Member m = req.members().get(i);
            if (ids.putIfAbsent(m.ref(), (long) i + 1) != null) {
                throw new DomainException("members[" + i + "].ref", "eligibility.ref.duplicate");
            }
            if ((m.disabilityCategory() == null) != (m.disabilityGrade() == null)) {
                throw new DomainException("members[" + i + "].disabilityGrade", "eligibility.disability.pair");
            }
            members.add(new HouseholdSnapshot.Member(i + 1, m.name(), m.age(), m.countedOrDefault(),
                    m.countedOrDefault() ? null : "NOT_LIVING_TOGETHER", m.disabilityCategory(), m.disabilityGrade(),
                    m.selfCareTier() == null ? null : HouseholdSnapshot.SelfCare.valueOf(m.selfCareTier().name()),
                    Boolean.TRUE.equals(m.seriousIllness()), HouseholdSnapshot.Labour.valueOf(
                            (m.labourAbility() == null ? cn.dibao.household.LabourAbility.FULL : m.labourAbility()).name()),
                    SnapshotFactory.schooling(m.studentLevel() == null ? cn.dibao.household.StudentLevel.NONE
                            : m.studentLevel()), m.relation() == null ? null : m.relation().name(),
                    HouseholdSnapshot.Employment.valueOf((m.employment() == null
                            ? cn.dibao.household.Employment.UNKNOWN : m.employment()).name()),
                    m.childStatus() == null ? null : HouseholdSnapshot.ChildStatus.valueOf(m.childStatus().name()),
                    m.childProgramme() == null ? null : HouseholdSnapshot.ChildChoice.valueOf(m.childProgramme().name())));
            if (m.childProgramme() != null && m.childStatus() == null) {
                throw new DomainException("members[" + i + "].childProgramme", "eligibility.childProgramme.withoutStatus");
            }
        }
        List<HouseholdSnapshot.Income> incomes = new ArrayList<>();
        List<PreviewRequest.Income> inc = req.incomes() == null ? List.of() : req.incomes();
        for (int i = 0; i < inc.size(); i++) {
            PreviewRequest.Income x = inc.get(i);
            incomes.add(new HouseholdSnapshot.Income(ref(ids, x.memberRef(), "incomes[" + i + "].memberRef"),
                    HouseholdSnapshot.IncomeKind.valueOf(x.category().name()), x.category().name(),
                    SnapshotFactory.fen(x.monthlyAmount()), x.exclusionReason() != null,
                    x.exclusionReason() == null ? null : x.exclusionReason().name()));
        }
        List<HouseholdSnapshot.Deduction> deductions = new ArrayList<>();
        List<PreviewRequest.Deduction> ded = req.deductions() == null ? List.of() : req.deductions();
        for (int i = 0; i < ded.size(); i++) {
            PreviewRequest.Deduction x = ded.get(i);
            deductions.add(new HouseholdSnapshot.Deduction(x.memberRef() == null || x.memberRef().isBlank() ? null
                    : ref(ids, x.memberRef(), "deductions[" + i + "].memberRef"),
                    HouseholdSnapshot.DeductionKind.valueOf(x.type().name()), SnapshotFactory.fen(x.monthlyAmount())));
        }
        List<HouseholdSnapshot.Asset> assets = new ArrayList<>();
        List<PreviewRequest.Asset> ass = req.assets() == null ? List.of() : req.assets();
        for (int i = 0; i < ass.size(); i++) {
            PreviewRequest.Asset a = ass.get(i);
            assets.add(new HouseholdSnapshot.Asset(HouseholdSnapshot.AssetKind.valueOf(a.type().name()),
                    SnapshotFactory.fen(a.value()), a.quantity() == null ? 1 : a.quantity(),
                    a.floorArea() == null ? 0 : SnapshotFactory.fen(a.floorArea()), Boolean.TRUE.equals(a.exempt()),
                    a.memberRef() == null || a.memberRef().isBlank() ? null
                            : ref(ids, a.memberRef(), "assets[" + i + "].memberRef"), a.acquiredOn()));
        }
        List<HouseholdSnapshot.Expense> expenses = (req.expenses() == null ? List.<PreviewRequest.Expense>of()
                : req.expenses()).stream().map(e -> new HouseholdSnapshot.Expense(e.type().name(),
                SnapshotFactory.fen(e.amount()))).toList();
        List<HouseholdSnapshot.Obligor> obligors = new ArrayList<>();
        List<PreviewRequest.Obligor> obl = req.obligors() == null ? List.of() : req.obligors();
        for (int i = 0; i < obl.size(); i++) {
            PreviewRequest.Obligor o = obl.get(i);
            obligors.add(new HouseholdSnapshot.Obligor(o.supportedMemberRef() == null || o.supportedMemberRef().isBlank()
                    ? null : ref(ids, o.supportedMemberRef(), "obligors[" + i + "].supportedMemberRef"),
                    HouseholdSnapshot.ObligorAbility.valueOf(o.ableToSupport().name()), null,
                    o.monthlySupport() == null ? 0 : SnapshotFactory.fen(o.monthlySupport())));
        }
        return new HouseholdSnapshot(req.month(), req.areaCode(), req.hukouType() == HukouType.URBAN, members, incomes,
                deductions, assets, expenses, obligors);
    }

    private static long ref(Map<String, Long> ids, String ref, String field) {
        Long id = ids.get(ref);
        if (id == null) {
            throw new DomainException(field, "eligibility.ref.unknown");
        }
        return id;
    }
}
