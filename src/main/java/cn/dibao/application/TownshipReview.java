package cn.dibao.application;

import lombok.RequiredArgsConstructor;
import cn.dibao.common.error.DomainException;
import cn.dibao.eligibility.CheckReport;
import cn.dibao.eligibility.EligibilityCheckService;
import cn.dibao.engine.EligibilityEngine.CareSetting;
import cn.dibao.engine.Programme;
import java.util.List;
import cn.dibao.engine.RuleCode;
import cn.dibao.household.HouseholdFile;
import cn.dibao.household.HouseholdService;
import cn.dibao.standard.ProgrammeProcedure;
import cn.dibao.standard.StandardVersion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;

import static cn.dibao.application.ApplicationState.AWAITING_DECISION;
import static cn.dibao.application.ApplicationState.INVESTIGATING;
import static cn.dibao.application.ApplicationState.PUBLICITY;
import static cn.dibao.application.CaseInputs.blankToNull;

/**
 * 乡镇审核 (初审) with a stored eligibility check, then 公示 and objections (domain-rules §3.3–§3.4), as the
 * case's programme sets them (ADR 0024): a programme without 公示 (临时救助 may have none) goes on to the
 * decision, and a 临时救助 above the township's limit to the county's.
 */
@Service
@Transactional
@RequiredArgsConstructor
class TownshipReview {

    private final CaseSteps steps;
    private final CaseDeadlines deadlines;
    private final CaseRecords records;
    private final EligibilityCheckService checks;
    private final HouseholdService households;

    /**
     * 初审: runs and stores an eligibility check of the household as of the month and records the opinion.
     * Found eligible, the case goes to 公示 (only name, household size, category and amount are shown) where its
     * programme holds one; otherwise, and found not eligible, it goes straight to the decision.
     */
    void review(long id, ApplicationInput.Review in) {
        CaseSteps.Step s = steps.begin(CaseAction.TOWNSHIP_REVIEW, id);
        Application a = s.a();
        boolean eligible = Boolean.TRUE.equals(in.eligible());
        ProgrammeProcedure procedure = deadlines.procedureOf(a);
        boolean publicity = eligible && procedure.publicityHeld();
        if (publicity && (in.location() == null || in.location().isBlank())) {
            throw new DomainException("location", "application.publicity.location.required");
        }
        if (!procedure.publicityHeld() && in.location() != null && !in.location().isBlank()) {
            // a location sent for a 公示 that is not held would be dropped: refused, not ignored
            throw new DomainException("location", "application.publicity.notHeld");
        }
        if (in.deliberationFor() != null && in.deliberationSize() != null
                && in.deliberationFor() > in.deliberationSize()) {
            throw new DomainException("deliberationFor", "application.deliberation.votes");
        }
        steps.notFuture("deliberationOn", in.deliberationOn());
        CareSetting care = a.getAssistanceType() == AssistanceType.TEKUN_CENTRALIZED ? CareSetting.INSTITUTION
                : CareSetting.HOME;
        CheckReport check = checks.run(a.getHouseholdId(), in.month(), care);
        Programme category;
        BigDecimal amount;
        BigDecimal townshipLimit = null;
        if (a.getAssistanceType().oneOff()) {
            category = Programme.TEMP_RELIEF;
            if (eligible && a.getAssistanceType() == AssistanceType.TEMP_EXPENDITURE) {
                expenditureTypeHolds(check);
            }
            StandardVersion v = deadlines.settingsOfStandard(check.standardId());
            amount = eligible ? tempReliefAmount(v, check, in.amount()) : null;
            townshipLimit = TempReliefGrants.townshipLimit(v, check.countedMembers());
        } else {
            category = check.category();
            amount = check.category() == null ? null : check.monthlyTotal();
            if (eligible && check.category() == null) {
                throw new DomainException("eligible", "application.review.checkSaysNo",
                        check.verdict() == null ? check.categoryLabel() : check.verdict());
            }
        }
        String opinion = in.opinion().trim();
        records.addReview(a.getId(), a.getRound(), new ApplicationView.Review(a.getRound(), check.checkId(),
                in.eligible(), category == null ? null : category.name(), amount, opinion, in.deliberationOn(),
                in.deliberationSize(), in.deliberationFor(), blankToNull(in.deliberationNote()), s.me().getUsername(),
                steps.today()));
        a.setCheckId(check.checkId());
        a.setProposedCategory(eligible ? category : null);
        a.setProposedAmount(eligible ? amount : null);
        a.setTownshipLimit(townshipLimit);
        String toCounty = a.isDelegated() && !a.townshipDecides()
                ? steps.text("application.timeline.aboveTownshipLimit", townshipLimit.toPlainString()) : "";
        if (publicity) {
            startPublicity(a, procedure, in.location().trim(), check);
            steps.transition(s, PUBLICITY, opinion + toCounty);
        } else {
            deadlines.toDecision(a, steps.today());
            steps.transition(s, AWAITING_DECISION, steps.text(eligible ? "application.timeline.reviewNoPublicity"
                    : "application.timeline.reviewNotEligible", opinion) + toCounty);
        }
    }

    /**
     * 支出型临时救助 is means-tested (§7.1): found eligible only when the check's income, rigid-spending and
     * property tests hold; the refusal quotes the tests that fail.
     */
    private static void expenditureTypeHolds(CheckReport check) {
        CheckReport.ProgrammeReport relief = check.programme(Programme.TEMP_RELIEF);
        boolean holds = relief.rules().stream().anyMatch(r -> r.code().equals(RuleCode.TEMP_EXPENDITURE.name()) && r.passed());
        if (!holds) {
            String failing = relief.rules().stream()
                    .filter(r -> !r.passed() && !r.code().equals(RuleCode.TEMP_EXPENDITURE.name()))
                    .map(CheckReport.Rule::text).collect(java.util.stream.Collectors.joining("；"));
            throw new DomainException("eligible", "application.review.tempExpenditureSaysNo", failing);
        }
    }

    /** An objection during 公示 sends the case back to investigation; a new 初审 is due within the limit. */
    void recordObjection(long id, ApplicationInput.Objection in) {
        CaseSteps.Step s = steps.begin(CaseAction.OBJECTION, id);
        Application a = s.a();
        steps.notFuture("receivedOn", in.receivedOn());
        ApplicationView.Publicity p = records.publicity(a.getId(), a.getRound()).orElseThrow();
        if (in.receivedOn().isBefore(p.startsOn())) {
            throw new DomainException("receivedOn", "application.date.beforePublicity", p.startsOn());
        }
        records.addObjection(a.getId(), a.getRound(), in.receivedOn(), in.content().trim(), s.me().getUsername());
        records.closePublicity(a.getId(), a.getRound(), in.receivedOn());
        ProgrammeProcedure procedure = deadlines.procedureOf(a);
        if (!procedure.publicityCounted() && in.receivedOn().isBefore(p.endsOn())) {
            // 公示 stopped at the objection: the working days it did not run are not excluded from the total
            LocalDate stopped = in.receivedOn().isBefore(p.startsOn()) ? p.startsOn().minusDays(1) : in.receivedOn();
            int notRun = deadlines.calendar().workingDaysBetween(stopped, p.endsOn());
            a.setPublicityExcludedWd((short) Math.max(0, a.getPublicityExcludedWd() - notRun));
            a.setTotalDue(deadlines.totalDue(a, procedure));
        }
        a.setRound((short) (a.getRound() + 1));
        a.setComplaint(true);
        a.setStepDue(deadlines.calendar().addWorkingDays(in.receivedOn(), procedure.reReviewWd()));
        steps.transition(s, INVESTIGATING, in.content().trim());
    }

    /** The 公示 period has ended without objection: on to the decision. */
    void closePublicity(long id) {
        CaseSteps.Step s = steps.begin(CaseAction.CLOSE_PUBLICITY, id);
        Application a = s.a();
        ApplicationView.Publicity p = records.publicity(a.getId(), a.getRound()).orElseThrow();
        LocalDate today = steps.today();
        if (!today.isAfter(p.endsOn())) {
            throw DomainException.global("application.publicity.notEnded", p.endsOn());
        }
        records.closePublicity(a.getId(), a.getRound(), today);
        deadlines.toDecision(a, today);
        steps.transition(s, AWAITING_DECISION, null);
    }

    /**
     * The 公示 shows the persons covered (ADR 0026): for 低保 the applicant and the household's counted
     * members, for 单人保 and 特困 the covered persons by name; never the household's whole size.
     */
    private void startPublicity(Application a, ProgrammeProcedure procedure, String location, CheckReport check) {
        LocalDate start = steps.today();
        LocalDate end = deadlines.publicityEnd(procedure, start);
        HouseholdFile household = households.file(a.getHouseholdId());
        String name = household.members().stream().filter(m -> m.personId() == a.getApplicantPersonId())
                .map(HouseholdFile.Member::name).findFirst().orElseThrow();
        int size = (int) household.countedMembers();
        String coveredNames = null;
        Programme category = a.getProposedCategory();
        if (category != null && !a.getAssistanceType().oneOff()) {
            List<Long> covered = check.programme(category).personIds();
            if (covered != null && !covered.isEmpty()) {
                size = covered.size();
                if (category == Programme.DIBAO_SINGLE || category == Programme.TEKUN) {
                    coveredNames = household.members().stream().filter(m -> covered.contains(m.personId()))
                            .map(HouseholdFile.Member::name).collect(java.util.stream.Collectors.joining("、"));
                }
            }
        }
        records.addPublicity(a.getId(), new ApplicationView.Publicity(a.getRound(), start, end, location, name,
                size, a.getProposedCategory().name(), a.getProposedAmount(), null, coveredNames));
        if (!procedure.publicityCounted()) {
            a.setPublicityExcludedWd((short) (a.getPublicityExcludedWd()
                    + deadlines.calendar().workingDaysBetween(start.minusDays(1), end)));
            a.setTotalDue(deadlines.totalDue(a, procedure));
        }
        a.setStepDue(end);
    }

    /** A 临时救助 amount within the cap: k × the monthly standard × counted members (domain-rules §5.4). */
    private BigDecimal tempReliefAmount(StandardVersion v, CheckReport check, BigDecimal asked) {
        if (asked == null) {
            throw new DomainException("amount", "application.amount.required");
        }
        if (asked.signum() <= 0) {
            throw new DomainException("amount", "application.amount.positive");
        }
        BigDecimal cap = TempReliefGrants.cap(v, check.countedMembers());
        if (asked.compareTo(cap) > 0) {
            throw new DomainException("amount", "application.temp.overCap", cap.toPlainString());
        }
        return asked;
    }
}
