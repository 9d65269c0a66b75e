package cn.dibao.application;

import cn.dibao.area.AreaService;
import cn.dibao.audit.AuditTrail;
import cn.dibao.calendar.WorkingCalendar;
import cn.dibao.common.security.AreaScope;
import cn.dibao.common.security.CurrentStaff;
import cn.dibao.common.security.Role;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.ForbiddenActionException;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.eligibility.CheckReport;
import cn.dibao.eligibility.EligibilityCheckService;
import cn.dibao.engine.EligibilityEngine.CareSetting;
import cn.dibao.engine.Programme;
import cn.dibao.household.HouseholdFile;
import cn.dibao.household.HouseholdService;
import cn.dibao.standard.StandardService;
import cn.dibao.standard.StandardVersion;
import cn.dibao.engine.DayUnit;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.dibao.application.ApplicationState.ACCEPTED;
import static cn.dibao.application.ApplicationState.APPROVED;
import static cn.dibao.application.ApplicationState.AWAITING_DECISION;
import static cn.dibao.application.ApplicationState.ENROLLED;
import static cn.dibao.application.ApplicationState.INVESTIGATING;
import static cn.dibao.application.ApplicationState.PUBLICITY;
import static cn.dibao.application.ApplicationState.REFUSED;
import static cn.dibao.application.ApplicationState.RETURNED;
import static cn.dibao.application.ApplicationState.TERMINATED;
import static cn.dibao.application.ApplicationState.TOWNSHIP_REVIEW;
import static cn.dibao.application.ApplicationState.WITHDRAWN;

/**
 * The case workflow (domain-rules §3, §6.2, §7): every transition checks the state, the role, the
 * user's area and four-eyes, sets the step's due date in working days from the local settings,
 * writes the timeline and the audit trail. The case row is locked for the transition, so two
 * clicks on the same button act once.
 */
@Service
@Transactional
public class ApplicationService {

    /** Column sizes narrower than what the inputs allow (V8__applications.sql). */
    private static final int INVESTIGATOR_NAME_MAX = 60;
    private static final int CLOSED_REASON_MAX = 1000;
    private static final int EXTENSION_REASON_MAX = 500;
    private static final int EVENT_COMMENT_MAX = 2000;

    private final ApplicationRepository applications;
    private final ApplicationEventRepository events;
    private final CaseRecords records;
    private final HouseholdService households;
    private final StandardService standards;
    private final EligibilityCheckService checks;
    private final WorkingCalendar calendar;
    private final CountySampler sampler;
    private final ReliefFunds funds;
    private final AreaService areas;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final cn.dibao.document.DocumentStore documents;

    ApplicationService(ApplicationRepository applications, ApplicationEventRepository events, CaseRecords records,
                       HouseholdService households, StandardService standards, EligibilityCheckService checks,
                       WorkingCalendar calendar, CountySampler sampler, ReliefFunds funds, AreaService areas,
                       AuditTrail audit, JdbcClient jdbc, Clock clock, cn.dibao.document.DocumentStore documents) {
        this.applications = applications;
        this.events = events;
        this.records = records;
        this.households = households;
        this.standards = standards;
        this.checks = checks;
        this.calendar = calendar;
        this.sampler = sampler;
        this.funds = funds;
        this.areas = areas;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.documents = documents;
    }

    // ---- intake -----------------------------------------------------------------------------

    /** The materials to bring for an assistance type (一次性告知 lists the missing ones). */
    @Transactional(readOnly = true)
    public List<ApplicationView.Material> materials(AssistanceType type) {
        return jdbc.sql("""
                select code, name, required from material_requirement where assistance_type = :t and active
                order by sort_order, code""").param("t", type.name())
                .query((rs, i) -> new ApplicationView.Material(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    /**
     * 受理: registers the case. With every required material, the 承诺书 and the 核对授权书 it is
     * accepted and the clock starts; otherwise it waits as 退回补正 and the 一次性告知书 lists
     * everything missing at once.
     */
    public long accept(ApplicationInput.New in) {
        StaffPrincipal me = require(Role.CASEWORKER);
        HouseholdFile household = households.file(in.householdId()); // 404 outside the user's area
        if (household.members().stream().noneMatch(m -> m.personId() == in.applicantPersonId())) {
            throw new DomainException("applicantPersonId", "application.applicant.notMember");
        }
        if (in.channel() == Channel.PROXY && (in.proxyName() == null || in.proxyName().isBlank())) {
            throw new DomainException("proxyName", "application.proxy.required");
        }
        LocalDate today = today();
        if (in.receivedOn().isAfter(today)) {
            throw new DomainException("receivedOn", "application.date.future");
        }
        StandardVersion settings = settings(household.areaCode(), household, YearMonth.from(in.receivedOn()));
        Application a = new Application(household.id(), in.applicantPersonId(), in.assistanceType(), in.channel(),
                household.areaCode(), settings.id(), settings.procedure().decisionDelegated(), in.receivedOn(), me.getUsername());
        a.setProxyName(blankToNull(in.proxyName()));
        a.setProxyRelation(blankToNull(in.proxyRelation()));
        a.setReason(blankToNull(in.reason()));
        a.setNearRelative(Boolean.TRUE.equals(in.nearRelative()));
        a.setNearRelativeNote(blankToNull(in.nearRelativeNote()));
        a.materialSet(knownMaterials(in.assistanceType(), in.materials()));
        a.setPromiseSigned(Boolean.TRUE.equals(in.promiseSigned()) || a.materialSet().contains("PROMISE"));
        a.setAuthorisationSigned(Boolean.TRUE.equals(in.authorisationSigned())
                || a.materialSet().contains("AUTHORISATION"));
        if (a.isPromiseSigned()) {
            a.materialSet(with(a.materialSet(), "PROMISE"));
        }
        if (a.isAuthorisationSigned()) {
            a.materialSet(with(a.materialSet(), "AUTHORISATION"));
        }
        boolean complete = missing(a).isEmpty();
        a.setState(complete ? ACCEPTED : RETURNED);
        a.setReturnedFrom(complete ? null : ACCEPTED);
        startClock(a, settings, in.receivedOn(), a.getState());
        try {
            applications.saveAndFlush(a);
        } catch (DataIntegrityViolationException e) {
            throw new DomainException("assistanceType", "application.duplicateOpen");
        }
        event(a, "ACCEPT", null, a.getState(), complete ? null : "材料不全，已出具一次性告知书");
        return a.getId();
    }

    /** 补正: materials brought later; a case returned at intake is accepted once complete. */
    public void supplement(long id, ApplicationInput.Supplement in) {
        require(Role.CASEWORKER);
        Application a = lock(id);
        expect(a, RETURNED);
        Set<String> materials = a.materialSet();
        materials.addAll(knownMaterials(a.getAssistanceType(), in.materials()));
        if (Boolean.TRUE.equals(in.promiseSigned())) {
            materials.add("PROMISE");
        }
        if (Boolean.TRUE.equals(in.authorisationSigned())) {
            materials.add("AUTHORISATION");
        }
        a.materialSet(materials);
        a.setPromiseSigned(materials.contains("PROMISE"));
        a.setAuthorisationSigned(materials.contains("AUTHORISATION"));
        if (!missing(a).isEmpty()) {
            throw new DomainException("materials", "application.materials.stillMissing",
                    missing(a).stream().map(ApplicationView.Material::name).collect(Collectors.joining("、")));
        }
        ApplicationState back = a.getReturnedFrom() == null ? ACCEPTED : a.getReturnedFrom();
        if (back == ACCEPTED) {
            // the time limits run from the day the materials are complete (受理)
            StandardVersion settings = standards.version(a.getStandardId());
            startClock(a, settings, today(), ACCEPTED);
        }
        transition(a, "SUPPLEMENT", back, null);
        a.setReturnedFrom(null);
    }

    // ---- 调查 ---------------------------------------------------------------------------------

    public void startInvestigation(long id) {
        require(Role.CASEWORKER);
        Application a = lock(id);
        expect(a, ACCEPTED);
        a.setStepDue(null);
        transition(a, "START_INVESTIGATION", INVESTIGATING, null);
    }

    /** 入户调查 by the township (while investigating) or the county's visit (while awaiting the decision). */
    public void recordHomeVisit(long id, ApplicationInput.HomeVisit in) {
        StaffPrincipal me = CurrentStaff.require();
        Application a = lock(id);
        List<String> investigators = Arrays.stream(in.investigators().split("[,，、;；\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (investigators.size() < 2) {
            throw new DomainException("investigators", "application.investigators.two");
        }
        if (investigators.stream().anyMatch(n -> n.codePointCount(0, n.length()) > INVESTIGATOR_NAME_MAX)) {
            // home_visit.investigators is varchar(60)[]: one long name would otherwise fail in the database
            throw new DomainException("investigators", "application.investigators.nameTooLong",
                    String.valueOf(INVESTIGATOR_NAME_MAX));
        }
        notFuture("visitedOn", in.visitedOn());
        String kind;
        if (a.getState() == INVESTIGATING) {
            require(Role.CASEWORKER);
            kind = "TOWNSHIP";
        } else if (a.getState() == AWAITING_DECISION || (a.getState().closed() && a.isPostCheckRequired())) {
            require(Role.REVIEWER);
            if (!me.scope().contains(a.countyCode())) {
                throw new ForbiddenActionException("application.countyOnly");
            }
            kind = "COUNTY";
        } else {
            throw wrongState(a);
        }
        if (in.visitedOn().isBefore(a.getReceivedOn())) {
            throw new DomainException("visitedOn", "application.date.beforeReceived");
        }
        records.addHomeVisit(a.getId(), kind, new ApplicationView.HomeVisit(kind, in.visitedOn(), investigators,
                in.findings().trim(), Boolean.TRUE.equals(in.applicantSigned()),
                Boolean.TRUE.equals(in.investigatorsSigned()), me.getUsername()), me.getUsername());
        if (kind.equals("COUNTY")) {
            if (a.getState() == AWAITING_DECISION) {
                a.setVisitDoneOn(in.visitedOn());
            } else {
                a.setPostCheckDoneOn(in.visitedOn());
            }
        }
        note(a, kind.equals("COUNTY") ? "COUNTY_VISIT" : "HOME_VISIT",
                in.visitedOn() + "，调查人：" + String.join("、", investigators));
    }

    public void recordInterview(long id, ApplicationInput.Interview in) {
        StaffPrincipal me = require(Role.CASEWORKER);
        Application a = lock(id);
        expect(a, INVESTIGATING);
        notFuture("interviewedOn", in.interviewedOn());
        if (in.interviewedOn().isBefore(a.getReceivedOn())) {
            throw new DomainException("interviewedOn", "application.date.beforeReceived");
        }
        records.addInterview(a.getId(), new ApplicationView.Interview(in.interviewedOn(), in.interviewee().trim(),
                in.notes().trim(), me.getUsername()), me.getUsername());
        note(a, "NEIGHBOUR_INTERVIEW", in.interviewedOn() + " " + in.interviewee().trim());
    }

    /** 信息核对: the township asks the county's 核对机构. */
    public void requestVerification(long id) {
        StaffPrincipal me = require(Role.CASEWORKER);
        Application a = lock(id);
        expect(a, INVESTIGATING);
        if (records.hasOpenVerification(a.getId())) {
            throw DomainException.global("application.verification.open");
        }
        records.requestVerification(a.getId(), today(), me.getUsername());
        note(a, "VERIFICATION_REQUESTED", null);
    }

    /** The 核对 result, entered by the township or the county. */
    public void recordVerificationResult(long id, ApplicationInput.VerificationResult in) {
        StaffPrincipal me = requireCaseStaff();
        Application a = lock(id);
        expect(a, INVESTIGATING);
        if (!records.recordVerification(a.getId(), today(), in.outcome().name(), in.result().trim(),
                me.getUsername())) {
            throw DomainException.global("application.verification.none");
        }
        note(a, "VERIFICATION_RESULT", in.outcome() == ApplicationInput.VerificationOutcome.CONSISTENT
                ? "核对结果一致" : "核对发现差异：" + in.result().trim());
    }

    /** Investigation done: at least one 入户调查 and a 核对 result are required (逢进必核). */
    public void submitInvestigation(long id) {
        require(Role.CASEWORKER);
        Application a = lock(id);
        expect(a, INVESTIGATING);
        if (!records.hasTownshipVisit(a.getId())) {
            throw DomainException.global("application.investigation.visitMissing");
        }
        if (!records.hasVerificationResult(a.getId())) {
            throw DomainException.global("application.investigation.verificationMissing");
        }
        transition(a, "SUBMIT_INVESTIGATION", TOWNSHIP_REVIEW, null);
    }

    // ---- 乡镇审核 and 公示 ------------------------------------------------------------------------

    /**
     * 初审: runs and stores an eligibility check of the household as of the month and records the
     * opinion. Found eligible, the case goes to 公示 (only name, household size, category and
     * amount are shown); found not eligible, it goes straight to the decision.
     */
    public void townshipReview(long id, ApplicationInput.Review in) {
        StaffPrincipal me = require(Role.CASEWORKER);
        Application a = lock(id);
        expect(a, TOWNSHIP_REVIEW);
        if (Boolean.TRUE.equals(in.eligible()) && (in.location() == null || in.location().isBlank())) {
            throw new DomainException("location", "application.publicity.location.required");
        }
        if (in.deliberationFor() != null && in.deliberationSize() != null
                && in.deliberationFor() > in.deliberationSize()) {
            throw new DomainException("deliberationFor", "application.deliberation.votes");
        }
        notFuture("deliberationOn", in.deliberationOn());
        CareSetting care = a.getAssistanceType() == AssistanceType.TEKUN_CENTRALIZED ? CareSetting.INSTITUTION
                : CareSetting.HOME;
        CheckReport check = checks.run(a.getHouseholdId(), in.month(), care);
        String category;
        BigDecimal amount;
        if (a.getAssistanceType().oneOff()) {
            category = Programme.TEMP_RELIEF.name();
            amount = Boolean.TRUE.equals(in.eligible()) ? tempReliefAmount(a, check, in.amount()) : null;
        } else {
            category = check.category() == null ? null : check.category().name();
            amount = check.category() == null ? null : check.monthlyTotal();
            if (Boolean.TRUE.equals(in.eligible()) && check.category() == null) {
                throw new DomainException("eligible", "application.review.checkSaysNo");
            }
        }
        records.addReview(a.getId(), a.getRound(), new ApplicationView.Review(a.getRound(), check.checkId(),
                in.eligible(), category, amount, in.opinion().trim(), in.deliberationOn(), in.deliberationSize(),
                in.deliberationFor(), blankToNull(in.deliberationNote()), me.getUsername(), today()));
        a.setCheckId(check.checkId());
        a.setProposedCategory(Boolean.TRUE.equals(in.eligible()) ? category : null);
        a.setProposedAmount(Boolean.TRUE.equals(in.eligible()) ? amount : null);
        if (Boolean.TRUE.equals(in.eligible())) {
            startPublicity(a, in.location().trim());
            transition(a, "TOWNSHIP_REVIEW", PUBLICITY, in.opinion().trim());
        } else {
            toDecision(a);
            transition(a, "TOWNSHIP_REVIEW", AWAITING_DECISION, "初审认为不符合条件：" + in.opinion().trim());
        }
    }

    /** An objection during 公示 sends the case back to investigation; a new 初审 is due within the limit. */
    public void recordObjection(long id, ApplicationInput.Objection in) {
        StaffPrincipal me = require(Role.CASEWORKER);
        Application a = lock(id);
        expect(a, PUBLICITY);
        notFuture("receivedOn", in.receivedOn());
        ApplicationView.Publicity p = records.publicity(a.getId(), a.getRound()).orElseThrow();
        if (in.receivedOn().isBefore(p.startsOn())) {
            throw new DomainException("receivedOn", "application.date.beforePublicity", p.startsOn());
        }
        records.addObjection(a.getId(), a.getRound(), in.receivedOn(), in.content().trim(), me.getUsername());
        records.closePublicity(a.getId(), a.getRound(), in.receivedOn());
        StandardVersion settings = settingsOf(a);
        if (!settings.procedure().publicityCounted() && in.receivedOn().isBefore(p.endsOn())) {
            // 公示 stopped at the objection: the working days it did not run are not excluded from the total
            LocalDate stopped = in.receivedOn().isBefore(p.startsOn()) ? p.startsOn().minusDays(1) : in.receivedOn();
            int notRun = calendar.workingDaysBetween(stopped, p.endsOn());
            a.setPublicityExcludedWd((short) Math.max(0, a.getPublicityExcludedWd() - notRun));
            a.setTotalDue(totalDue(a, settings));
        }
        a.setRound((short) (a.getRound() + 1));
        a.setComplaint(true);
        a.setStepDue(calendar.addWorkingDays(in.receivedOn(), settings.procedure().reReviewWd()));
        transition(a, "OBJECTION", INVESTIGATING, in.content().trim());
    }

    /** The 公示 period has ended without objection: on to the decision. */
    public void closePublicity(long id) {
        require(Role.CASEWORKER);
        Application a = lock(id);
        expect(a, PUBLICITY);
        ApplicationView.Publicity p = records.publicity(a.getId(), a.getRound()).orElseThrow();
        if (!today().isAfter(p.endsOn())) {
            throw DomainException.global("application.publicity.notEnded", p.endsOn());
        }
        records.closePublicity(a.getId(), a.getRound(), today());
        toDecision(a);
        transition(a, "PUBLICITY_CLOSED", AWAITING_DECISION, null);
    }

    // ---- 审核确认 ------------------------------------------------------------------------------

    /** A complaint or report during the case: the county must visit before deciding. */
    public void recordComplaint(long id, ApplicationInput.Reason in) {
        requireCaseStaff();
        Application a = lock(id);
        String reason = reasonOf(in);
        if (!a.getState().open()) {
            throw wrongState(a);
        }
        a.setComplaint(true);
        if (a.getState() == AWAITING_DECISION) {
            a.setVisitRequired(true);
        }
        note(a, "COMPLAINT", reason);
    }

    public void approve(long id, ApplicationInput.Approve in) {
        StaffPrincipal me = mayDecide(id);
        Application a = lock(id);
        expect(a, AWAITING_DECISION);
        if (a.getProposedCategory() == null) {
            throw DomainException.global("application.approve.notProposed");
        }
        if (a.isVisitRequired() && a.getVisitDoneOn() == null) {
            throw DomainException.global("application.approve.visitMissing");
        }
        LocalDate today = today();
        a.setDecision("APPROVED");
        a.setDecidedOn(today);
        a.setDecidedBy(me.getUsername());
        a.setDecisionReason(blankToNull(in.comment()));
        a.setStepDue(null);
        if (a.isDelegated()) {
            // delegated flow: the county checks a share of the township's decisions afterwards
            a.setPostCheckRequired(a.isNearRelative() || a.isComplaint()
                    || sampler.draw(settingsOf(a).procedure().countySamplingPct()));
        }
        createBenefit(a, YearMonth.from(today).plusMonths(1));
        transition(a, "APPROVE", APPROVED, blankToNull(in.comment()));
    }

    public void refuse(long id, ApplicationInput.Reason in) {
        StaffPrincipal me = mayDecide(id);
        Application a = lock(id);
        String reason = reasonOf(in);
        expect(a, AWAITING_DECISION);
        LocalDate today = today();
        a.setDecision("REFUSED");
        a.setDecidedOn(today);
        a.setDecidedBy(me.getUsername());
        a.setDecisionReason(reason);
        a.setNoticeDue(calendar.addWorkingDays(today, settingsOf(a).procedure().refusalNoticeWd()));
        a.setStepDue(a.getNoticeDue());
        transition(a, "REFUSE", REFUSED, reason);
    }

    /** The written notice was delivered: an approved case is enrolled (已纳入). */
    public void deliverNotice(long id, ApplicationInput.Delivery in) {
        require(Role.CASEWORKER);
        Application a = lock(id);
        if (a.getState() != APPROVED && !(a.getState() == REFUSED && a.getNoticeDeliveredOn() == null)) {
            throw wrongState(a);
        }
        notFuture("deliveredOn", in.deliveredOn());
        if (in.deliveredOn().isBefore(a.getDecidedOn())) {
            throw new DomainException("deliveredOn", "application.date.beforeDecision");
        }
        a.setNoticeDeliveredOn(in.deliveredOn());
        a.setStepDue(null);
        if (a.getState() == APPROVED) {
            transition(a, "NOTICE_DELIVERED", ENROLLED, null);
        } else {
            note(a, "NOTICE_DELIVERED", in.deliveredOn().toString());
        }
    }

    // ---- side paths ---------------------------------------------------------------------------

    /** 退回补正: something is missing; the case resumes where it was once supplemented. */
    public void returnForSupplement(long id, ApplicationInput.Reason in) {
        StaffPrincipal me = CurrentStaff.require();
        Application a = lock(id);
        String reason = reasonOf(in);
        EnumSet<ApplicationState> from = EnumSet.of(ACCEPTED, INVESTIGATING, TOWNSHIP_REVIEW, AWAITING_DECISION);
        if (!from.contains(a.getState())) {
            throw wrongState(a);
        }
        if (a.getState() == AWAITING_DECISION ? !me.hasRole(Role.REVIEWER) : !me.hasRole(Role.CASEWORKER)) {
            throw new ForbiddenActionException("application.role." + (a.getState() == AWAITING_DECISION
                    ? "REVIEWER" : "CASEWORKER"));
        }
        if (a.getState() == AWAITING_DECISION) {
            // the decision step ends here; a new 初审 (and 公示) follows in the next round
            a.setStepDue(null);
            a.setRound((short) (a.getRound() + 1));
        }
        a.setReturnedFrom(a.getState() == AWAITING_DECISION ? INVESTIGATING : a.getState());
        transition(a, "RETURN", RETURNED, reason);
    }

    /** 撤回: the applicant withdraws. */
    public void withdraw(long id, ApplicationInput.Reason in) {
        require(Role.CASEWORKER);
        Application a = lock(id);
        String reason = reasonOf(in);
        if (!a.getState().open()) {
            throw wrongState(a);
        }
        a.setClosedReason(limited("reason", reason, CLOSED_REASON_MAX));
        a.setStepDue(null);
        transition(a, "WITHDRAW", WITHDRAWN, reason);
    }

    /** 终止: the case cannot go on (death, refusal to cooperate with the investigation…). */
    public void terminate(long id, ApplicationInput.Reason in) {
        StaffPrincipal me = requireCaseStaff();
        Application a = lock(id);
        String reason = reasonOf(in);
        if (!a.getState().open()) {
            throw wrongState(a);
        }
        a.setClosedReason(limited("reason", reason, CLOSED_REASON_MAX));
        a.setStepDue(null);
        transition(a, "TERMINATE", TERMINATED, reason);
    }

    /** Special cases: the whole limit is extended once (30 → 45 working days by default), with a reason. */
    public void extend(long id, ApplicationInput.Reason in) {
        requireCaseStaff();
        Application a = lock(id);
        String reason = reasonOf(in);
        if (!a.getState().open()) {
            throw wrongState(a);
        }
        if (a.isExtended()) {
            throw DomainException.global("application.extend.once");
        }
        a.setExtended(true);
        a.setExtensionReason(limited("reason", reason, EXTENSION_REASON_MAX));
        a.setTotalDue(totalDue(a, settingsOf(a)));
        note(a, "EXTEND", reason);
    }

    /**
     * 先行救助 (临时救助, 急难型): the township pays at once from its stand-by fund, up to its limit
     * (k × the monthly standard of the household); the paperwork is completed afterwards.
     */
    public void grantUrgent(long id, ApplicationInput.UrgentGrant in) {
        StaffPrincipal me = require(Role.CASEWORKER);
        Application a = lock(id);
        if (a.getAssistanceType() != AssistanceType.TEMP_URGENT) {
            throw DomainException.global("application.urgent.onlyUrgent");
        }
        if (a.getUrgentPaidOn() != null) {
            throw DomainException.global("application.urgent.once");
        }
        if (!EnumSet.of(ACCEPTED, RETURNED, INVESTIGATING).contains(a.getState())) {
            throw wrongState(a);
        }
        if (in.amount() == null || in.amount().signum() <= 0) {
            throw new DomainException("amount", "application.amount.positive");
        }
        if (in.amount().scale() > 2) {
            throw new DomainException("amount", "standard.decimal.format");
        }
        BigDecimal limit = townshipLimit(a);
        if (in.amount().compareTo(limit) > 0) {
            throw new DomainException("amount", "application.urgent.overLimit", limit.toPlainString());
        }
        BigDecimal balance = funds.grant(a.townshipCode(), a.getId(), in.amount(), in.reason().trim(),
                me.getUsername());
        a.setUrgentAmount(in.amount());
        a.setUrgentPaidOn(today());
        a.setPaperworkDue(calendar.addWorkingDays(today(), settingsOf(a).procedure().urgentPaperworkWd()));
        note(a, "URGENT_GRANT", in.amount().toPlainString() + " 元（备用金余额 " + balance.toPlainString() + " 元）："
                + in.reason().trim());
    }

    /** The paperwork of a 先行救助 is complete: materials, 承诺书 and 授权书 in. */
    public void completePaperwork(long id) {
        require(Role.CASEWORKER);
        Application a = lock(id);
        if (a.getUrgentPaidOn() == null || a.getPaperworkDoneOn() != null) {
            throw wrongState(a);
        }
        if (!missing(a).isEmpty()) {
            throw DomainException.global("application.materials.stillMissing",
                    missing(a).stream().map(ApplicationView.Material::name).collect(Collectors.joining("、")));
        }
        a.setPaperworkDoneOn(today());
        note(a, "PAPERWORK_DONE", null);
    }

    /** Delegated flow: the county's later check of a township decision. */
    public void recordPostCheck(long id, ApplicationInput.Reason in) {
        StaffPrincipal me = require(Role.REVIEWER);
        Application a = lock(id);
        String reason = reasonOf(in);
        if (!a.isPostCheckRequired() || a.getPostCheckDoneOn() != null) {
            throw wrongState(a);
        }
        if (!me.scope().contains(a.countyCode())) {
            throw new ForbiddenActionException("application.countyOnly");
        }
        a.setPostCheckDoneOn(today());
        note(a, "POST_CHECK", reason);
    }

    /** Scan purposes of a case: the signed 承诺书 and 授权书, investigation signatures, proxy papers. */
    public static final List<String> DOCUMENT_PURPOSES = List.of("PROMISE", "AUTHORISATION", "HOME_VISIT", "PROXY",
            "OTHER");

    /**
     * Attaches a scan (PDF/JPG/PNG, checked from its content). A scan of the signed 承诺书 or
     * 核对授权书 also ticks that material.
     */
    public void attach(long id, String purpose, org.springframework.web.multipart.MultipartFile file) {
        StaffPrincipal me = CurrentStaff.require();
        if (!me.hasRole(Role.CASEWORKER) && !me.hasRole(Role.REVIEWER)) {
            throw new ForbiddenActionException("application.role.CASEWORKER");
        }
        if (purpose == null || !DOCUMENT_PURPOSES.contains(purpose)) {
            throw new DomainException("purpose", "application.document.purpose");
        }
        Application a = lock(id);
        var doc = documents.store("APPLICATION", a.getId(), purpose, a.getAreaCode(), file);
        if (purpose.equals("PROMISE") || purpose.equals("AUTHORISATION")) {
            a.materialSet(with(a.materialSet(), purpose));
            a.setPromiseSigned(a.materialSet().contains("PROMISE"));
            a.setAuthorisationSigned(a.materialSet().contains("AUTHORISATION"));
        }
        note(a, "DOCUMENT", purpose + " " + doc.originalName() + " sha256=" + doc.sha256().substring(0, 12));
    }

    @Transactional(readOnly = true)
    public List<cn.dibao.document.StoredDocumentView> documents(long id) {
        applications.findInScope(id, CurrentStaff.scope().likePattern())
                .orElseThrow(() -> new NotFoundException("application", id));
        return documents.list("APPLICATION", id);
    }

    /** A notice was produced as PDF (to print, send or file): audited, the case is not changed. */
    public void recordNoticeIssued(long id, String kind) {
        Application a = applications.findInScope(id, CurrentStaff.scope().likePattern())
                .orElseThrow(() -> new NotFoundException("application", id));
        audit.record("NOTICE_PDF", "application", a.getId(), a.getAreaCode(), kind);
    }

    // ---- reads ------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ApplicationView get(long id) {
        Application a = applications.findInScope(id, CurrentStaff.scope().likePattern())
                .orElseThrow(() -> new NotFoundException("application", id));
        HouseholdFile household = households.file(a.getHouseholdId());
        LocalDate today = today();
        String applicant = household.members().stream().filter(m -> m.personId() == a.getApplicantPersonId())
                .map(HouseholdFile.Member::name).findFirst()
                .orElseGet(() -> household.formerMembers().stream()
                        .filter(m -> m.personId() == a.getApplicantPersonId()).map(HouseholdFile.Member::name)
                        .findFirst().orElse(""));
        Long benefit = jdbc.sql("select id from benefit where application_id = :id").param("id", id)
                .query(Long.class).optional().orElse(null);
        return new ApplicationView(a.getId(), a.getVersion(), a.getHouseholdId(), a.getApplicantPersonId(), applicant,
                (int) household.countedMembers(), a.getAssistanceType(), a.getChannel(), a.getProxyName(),
                a.getProxyRelation(), a.getReason(), a.getAreaCode(), areas.pathOf(a.getAreaCode()), a.isDelegated(),
                a.getState(), a.getReturnedFrom(), a.getReceivedOn(), a.getAcceptedBy(), a.materialSet(), missing(a),
                a.isPromiseSigned(), a.isAuthorisationSigned(), a.isNearRelative(), a.getNearRelativeNote(),
                a.isComplaint(), a.getRound(), deadline(a.getStepDue(), a.getState().closed(), today),
                deadline(a.getTotalDue(), a.getDecidedOn() != null || a.getState().closed(), today), a.isExtended(),
                a.getExtensionReason(), a.getCheckId(), a.getProposedCategory(), a.getProposedAmount(), a.getSampled(),
                a.isVisitRequired(), a.getVisitDoneOn(), a.getDecision(), a.getDecidedOn(), a.getDecidedBy(),
                a.getDecisionReason(), deadline(a.getNoticeDue(), a.getNoticeDeliveredOn() != null, today),
                a.getNoticeDeliveredOn(), a.isPostCheckRequired(), a.getPostCheckDoneOn(), a.getUrgentAmount(),
                a.getUrgentPaidOn(), deadline(a.getPaperworkDue(), a.getPaperworkDoneOn() != null, today),
                a.getPaperworkDoneOn(), a.getClosedReason(), benefit, records.homeVisits(id), records.interviews(id),
                records.verifications(id), records.reviews(id), records.publicities(id), records.objections(id),
                events.findByApplicationIdOrderById(id).stream().map(e -> new ApplicationView.Event(e.getAction(),
                        e.getFromState(), e.getToState(), e.getActor(), e.getAt(), e.getComment())).toList());
    }

    /** The badge of a due date as of today. */
    public Deadline deadline(LocalDate due, boolean done, LocalDate today) {
        if (due == null) {
            return null;
        }
        if (done) {
            return new Deadline(due, Deadline.Status.DONE, 0);
        }
        int left = calendar.workingDaysBetween(today, due);
        Deadline.Status status = due.isBefore(today) ? Deadline.Status.OVERDUE
                : left <= Deadline.DUE_SOON_WORKING_DAYS ? Deadline.Status.DUE_SOON : Deadline.Status.ON_TIME;
        return new Deadline(due, status, left);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- internals --------------------------------------------------------------------------

    /** Bean Validation checks dates against the system clock; the service against the app's clock. */
    private void notFuture(String field, LocalDate date) {
        if (date != null && date.isAfter(today())) {
            throw new DomainException(field, "application.date.future");
        }
    }

    /** A text the input allows but a narrower column does not (closed_reason, extension_reason). */
    private static String limited(String field, String text, int max) {
        if (text.codePointCount(0, text.length()) > max) {
            throw new DomainException(field, "application.reason.tooLong", String.valueOf(max)); // no "1,000"
        }
        return text;
    }

    private StaffPrincipal require(Role role) {
        StaffPrincipal me = CurrentStaff.require();
        if (!me.hasRole(role)) {
            throw new ForbiddenActionException("application.role." + role.name());
        }
        return me;
    }

    /** Staff who work on cases: a caseworker or a reviewer; administrators and auditors do not. */
    private static StaffPrincipal requireCaseStaff() {
        StaffPrincipal me = CurrentStaff.require();
        if (!me.hasRole(Role.CASEWORKER) && !me.hasRole(Role.REVIEWER)) {
            throw new ForbiddenActionException("application.role.CASEWORKER");
        }
        return me;
    }

    /**
     * Who may decide: a reviewer whose area covers the case's county or, where the decision is
     * delegated (审核确认权下放), a reviewer of the case's township itself: the county supervises
     * and checks afterwards but does not decide (domain-rules §2.3). And someone who neither
     * accepted nor investigated the case (four-eyes).
     */
    private StaffPrincipal mayDecide(long id) {
        StaffPrincipal me = require(Role.REVIEWER);
        Application a = lock(id);
        boolean level = a.isDelegated() ? me.scope().equals(AreaScope.of(a.townshipCode()))
                : me.scope().contains(a.countyCode());
        if (!level) {
            throw new ForbiddenActionException(a.isDelegated() ? "application.townshipOnly" : "application.countyOnly");
        }
        if (me.getUsername().equalsIgnoreCase(a.getAcceptedBy())
                || events.tookPartInIntakeOrInvestigation(a.getId(), me.getUsername())) {
            throw new ForbiddenActionException("application.fourEyes");
        }
        return me;
    }

    private Application lock(long id) {
        return applications.lockInScope(id, CurrentStaff.scope().likePattern())
                .orElseThrow(() -> new NotFoundException("application", id));
    }

    private static void expect(Application a, ApplicationState state) {
        if (a.getState() != state) {
            throw wrongState(a);
        }
    }

    private static DomainException wrongState(Application a) {
        return DomainException.global("application.wrongState", a.getState().name());
    }

    private void transition(Application a, String action, ApplicationState to, String comment) {
        ApplicationState from = a.getState();
        a.setState(to);
        applications.saveAndFlush(a);
        event(a, action, from, to, comment);
    }

    /** A record or side action that does not change the state, on the timeline all the same. */
    private void note(Application a, String action, String comment) {
        applications.saveAndFlush(a);
        event(a, action, a.getState(), a.getState(), comment);
    }

    private void event(Application a, String action, ApplicationState from, ApplicationState to, String comment) {
        String by = CurrentStaff.usernameOrSystem();
        // the timeline keeps up to 2000 characters; the full text is in the record and the audit trail
        events.save(new ApplicationEvent(a.getId(), action, from, to, by, clock.instant(),
                abbreviate(comment, EVENT_COMMENT_MAX)));
        audit.record("APPLICATION_" + action, "application", a.getId(), a.getAreaCode(),
                a.getAssistanceType().label() + " " + (from == null ? "" : from + " → ") + to
                        + (comment == null ? "" : "：" + comment));
    }

    private StandardVersion settings(String areaCode, HouseholdFile household, YearMonth month) {
        return standards.inForce(areaCode, household.hukouType(), month)
                .orElseThrow(() -> new DomainException("receivedOn", "eligibility.noStandard"));
    }

    private StandardVersion settingsOf(Application a) {
        return standards.version(a.getStandardId());
    }

    /** Starts the time limits from 受理; {@code state} is the state the case is entering. */
    private void startClock(Application a, StandardVersion settings, LocalDate acceptedOn, ApplicationState state) {
        a.setReceivedOn(acceptedOn);
        a.setStepDue(state == ACCEPTED ? calendar.addWorkingDays(acceptedOn, settings.procedure().investigationStartWd())
                : null);
        a.setTotalDue(totalDue(a, settings));
    }

    /** The whole limit from 受理, plus the working days of 公示 when 公示 is not counted in it. */
    private LocalDate totalDue(Application a, StandardVersion settings) {
        int limit = a.isExtended() ? settings.procedure().totalExtendedWd() : settings.procedure().totalWd();
        return calendar.addWorkingDays(a.getReceivedOn(), limit + a.getPublicityExcludedWd());
    }

    private void startPublicity(Application a, String location) {
        StandardVersion settings = settingsOf(a);
        LocalDate start = today();
        LocalDate end = settings.procedure().publicityUnit() == DayUnit.WORKING
                ? calendar.addWorkingDays(start.minusDays(1), settings.procedure().publicityDays())
                : start.plusDays(settings.procedure().publicityDays() - 1L);
        HouseholdFile household = households.file(a.getHouseholdId());
        String name = household.members().stream().filter(m -> m.personId() == a.getApplicantPersonId())
                .map(HouseholdFile.Member::name).findFirst().orElseThrow();
        records.addPublicity(a.getId(), new ApplicationView.Publicity(a.getRound(), start, end, location, name,
                (int) household.countedMembers(), a.getProposedCategory(), a.getProposedAmount(), null));
        if (!settings.procedure().publicityCounted()) {
            a.setPublicityExcludedWd((short) (a.getPublicityExcludedWd()
                    + calendar.workingDaysBetween(start.minusDays(1), end)));
            a.setTotalDue(totalDue(a, settings));
        }
        a.setStepDue(end);
    }

    /** Entering the decision step: its due date and the draw of the county's home visit. */
    private void toDecision(Application a) {
        StandardVersion settings = settingsOf(a);
        a.setStepDue(calendar.addWorkingDays(today(), settings.procedure().countyDecisionWd()));
        boolean mandatory = a.isNearRelative() || a.isComplaint();
        if (a.isDelegated()) {
            // the township decides; the county samples afterwards, but flagged cases are visited first
            a.setSampled(mandatory);
            a.setVisitRequired(mandatory);
        } else {
            boolean drawn = mandatory || sampler.draw(settings.procedure().countySamplingPct());
            a.setSampled(drawn);
            a.setVisitRequired(drawn);
        }
    }

    private BigDecimal townshipLimit(Application a) {
        HouseholdFile household = households.file(a.getHouseholdId());
        StandardVersion settings = settingsOf(a);
        long members = Math.max(1, household.countedMembers());
        return settings.dibao().dibaoStandard().multiply(BigDecimal.valueOf(members))
                .multiply(settings.tempRelief().tempReliefTownshipMultiple()).setScale(2, RoundingMode.DOWN);
    }

    /** A 临时救助 amount within the cap: k × the monthly standard × counted members (domain-rules §5.4). */
    private BigDecimal tempReliefAmount(Application a, CheckReport check, BigDecimal asked) {
        if (asked == null) {
            throw new DomainException("amount", "application.amount.required");
        }
        if (asked.signum() <= 0) {
            throw new DomainException("amount", "application.amount.positive");
        }
        StandardVersion v = standards.version(check.standardId());
        BigDecimal cap = v.dibao().dibaoStandard().multiply(BigDecimal.valueOf(Math.max(1, check.countedMembers())))
                .multiply(v.tempRelief().tempReliefCapMultiple()).setScale(2, RoundingMode.DOWN);
        if (asked.compareTo(cap) > 0) {
            throw new DomainException("amount", "application.temp.overCap", cap.toPlainString());
        }
        return asked;
    }

    private void createBenefit(Application a, YearMonth start) {
        HouseholdFile household = households.file(a.getHouseholdId());
        boolean individual = a.getAssistanceType() == AssistanceType.DIBAO_SINGLE
                || a.getAssistanceType().programme() == Programme.TEKUN;
        Long payee = individual ? a.getApplicantPersonId() : household.headPersonId();
        if (payee == null) {
            payee = a.getApplicantPersonId();
        }
        BigDecimal total = a.getProposedAmount();
        BigDecimal topup = BigDecimal.ZERO;
        BigDecimal basic = BigDecimal.ZERO;
        BigDecimal care = BigDecimal.ZERO;
        boolean oneOff = a.getAssistanceType().oneOff();
        if (oneOff) {
            // what 先行救助 already paid is not paid again
            total = total.subtract(Objects.requireNonNullElse(a.getUrgentAmount(), BigDecimal.ZERO)).max(BigDecimal.ZERO);
        } else {
            CheckReport check = checks.get(a.getCheckId());
            CheckReport.ProgrammeReport p = check.programme(Programme.valueOf(a.getProposedCategory()));
            for (CheckReport.Component c : p.components()) {
                switch (c.component()) {
                    case "分类施保" -> topup = topup.add(c.amount());
                    case "基本生活标准" -> basic = basic.add(c.amount());
                    default -> {
                        if (c.component().startsWith("照料护理")) {
                            care = care.add(c.amount());
                        }
                    }
                }
            }
            if (topup.add(basic).add(care).compareTo(total) > 0) {
                // components before rounding exceed the rounded total: keep the total, put it in one line
                topup = BigDecimal.ZERO;
                basic = BigDecimal.ZERO;
                care = BigDecimal.ZERO;
            }
        }
        BigDecimal gap = total.subtract(topup).subtract(basic).subtract(care);
        Basis basis = oneOff ? new Basis(null, null, null, null) : basis(a);
        jdbc.sql("""
                insert into benefit (application_id, household_id, payee_person_id, area_code, assistance_type, category,
                    one_off, amount_gap, amount_topup, amount_basic, amount_care, monthly_amount, start_month, end_month,
                    check_id, standard_id, created_by, basis_persons, basis_net_income, care_tier, basis_topup_groups)
                values (:app, :household, :payee, :area, :type, :category, :oneOff, :gap, :topup, :basic, :care, :total,
                    :start, :end, :check, :standard, :by, :persons, :net, :tier, cast(:groups as smallint[]))""")
                .param("persons", basis.persons()).param("net", basis.netIncome()).param("tier", basis.careTier())
                .param("groups", basis.topUpGroups() == null ? null : basis.topUpGroups().stream().map(String::valueOf)
                        .collect(Collectors.joining(",", "{", "}")))
                .param("app", a.getId()).param("household", a.getHouseholdId()).param("payee", payee)
                .param("area", a.getAreaCode()).param("type", a.getAssistanceType().name())
                .param("category", a.getProposedCategory()).param("oneOff", oneOff).param("gap", gap)
                .param("topup", topup).param("basic", basic).param("care", care).param("total", total)
                .param("start", start.atDay(1)).param("end", oneOff ? start.atDay(1) : null)
                .param("check", a.getCheckId()).param("standard", checks.get(a.getCheckId()).standardId())
                .param("by", CurrentStaff.usernameOrSystem()).update();
    }

    /**
     * What a new standard recalculates the benefit from (ADR 0013): counted members, net income, care
     * tier, and the 分类施保 groups of the persons covered (低保 and 单人保).
     */
    private record Basis(Integer persons, BigDecimal netIncome, String careTier, List<Integer> topUpGroups) {
    }

    private Basis basis(Application a) {
        CheckReport check = checks.get(a.getCheckId());
        Programme programme = Programme.valueOf(a.getProposedCategory());
        CheckReport.ProgrammeReport p = check.programme(programme);
        return switch (programme) {
            case DIBAO -> new Basis(check.countedMembers(), check.netIncome().max(BigDecimal.ZERO), null,
                    checks.topUpGroups(a.getCheckId(), programme));
            case DIBAO_SINGLE -> new Basis(Math.max(1, p.persons().size()), null, null,
                    checks.topUpGroups(a.getCheckId(), programme));
            case TEKUN -> new Basis(1, null, p.components().stream().map(CheckReport.Component::component)
                    .filter(c -> c.startsWith("照料护理")).findFirst().map(ApplicationService::careTier).orElse(null),
                    null);
            default -> new Basis(null, null, null, null);
        };
    }

    /** The 特困 care tier named in the engine's component text, e.g. 照料护理标准（半护理，分散供养）. */
    static String careTier(String component) {
        String setting = component.contains("集中") ? "INST_" : "HOME_";
        if (component.contains("全护理")) {
            return setting + "FULL";
        }
        if (component.contains("半护理")) {
            return setting + "PARTIAL";
        }
        return setting + "SELF";
    }

    private List<ApplicationView.Material> missing(Application a) {
        Set<String> have = a.materialSet();
        return materials(a.getAssistanceType()).stream().filter(m -> m.required() && !have.contains(m.code()))
                .toList();
    }

    /** The given codes that apply to the type; a code no type knows is an error, another type's is ignored. */
    private Set<String> knownMaterials(AssistanceType type, Set<String> given) {
        Set<String> applicable = materials(type).stream().map(ApplicationView.Material::code)
                .collect(Collectors.toSet());
        Set<String> out = new LinkedHashSet<>();
        if (given != null) {
            for (String code : given) {
                if (code == null || code.isBlank()) {
                    continue;
                }
                if (applicable.contains(code)) {
                    out.add(code);
                } else if (!jdbc.sql("select exists (select 1 from material_requirement where code = :c)")
                        .param("c", code).query(Boolean.class).single()) {
                    throw new DomainException("materials", "application.materials.unknown", code);
                }
            }
        }
        return out;
    }

    /** Every material any type asks for, once, for the intake form's checklist. */
    @Transactional(readOnly = true)
    public List<ApplicationView.Material> allMaterials() {
        return jdbc.sql("""
                select code, min(name), bool_or(required) from material_requirement where active
                group by code order by min(sort_order), code""")
                .query((rs, i) -> new ApplicationView.Material(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    private static Set<String> with(Set<String> set, String code) {
        Set<String> out = new LinkedHashSet<>(set);
        out.add(code);
        return out;
    }

    private static String abbreviate(String s, int max) {
        if (s == null || s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** The written reason a step needs (refusal, withdrawal, return…): refused when blank. */
    private static String reasonOf(ApplicationInput.Reason in) {
        if (in == null || in.reason() == null || in.reason().isBlank()) {
            throw new DomainException("reason", "application.reason.required");
        }
        return in.reason().trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
