package cn.dibao.application;

import lombok.RequiredArgsConstructor;
import cn.dibao.calendar.WorkingCalendar;
import cn.dibao.common.error.DomainException;
import cn.dibao.engine.DayUnit;
import cn.dibao.household.HouseholdFile;
import cn.dibao.standard.ProgrammeProcedure;
import cn.dibao.standard.StandardService;
import cn.dibao.standard.StandardVersion;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The time limits of a case in working days (domain-rules §3, ADR 0008): from the local settings the case
 * was accepted under, those of the programme applied for (ADR 0024), counted on the working-day calendar;
 * and the draw of the county's home visit at that programme's share.
 */
@Component
@RequiredArgsConstructor
class CaseDeadlines {

    private final StandardService standards;
    private final WorkingCalendar calendar;
    private final CountySampler sampler;

    WorkingCalendar calendar() {
        return calendar;
    }

    /** The local settings in force for a household in a month (refused on the given field when none). */
    StandardVersion settings(HouseholdFile household, YearMonth month, String field) {
        return standards.inForce(household.areaCode(), household.hukouType(), month)
                .orElseThrow(() -> new DomainException(field, "eligibility.noStandard"));
    }

    /** The settings the case was accepted under. */
    StandardVersion settingsOf(Application a) {
        return standards.version(a.getStandardId());
    }

    /** A standard version by id (the one a check was made with). */
    StandardVersion settingsOfStandard(long standardId) {
        return standards.version(standardId);
    }

    /** The time limits, 公示 and sampling share of the case's programme under the settings it was accepted under. */
    ProgrammeProcedure procedureOf(Application a) {
        return settingsOf(a).procedureOf(a.programme());
    }

    /** Starts the time limits from 受理; {@code state} is the state the case is entering. */
    void startClock(Application a, StandardVersion settings, LocalDate acceptedOn, ApplicationState state) {
        ProgrammeProcedure p = settings.procedureOf(a.programme());
        a.setReceivedOn(acceptedOn);
        a.setStepDue(state == ApplicationState.ACCEPTED
                ? calendar.addWorkingDays(acceptedOn, p.investigationStartWd()) : null);
        a.setTotalDue(totalDue(a, p));
    }

    /** The whole limit from 受理, plus the working days of 公示 when 公示 is not counted in it. */
    LocalDate totalDue(Application a, ProgrammeProcedure p) {
        int limit = a.isExtended() ? p.totalExtendedWd() : p.totalWd();
        return calendar.addWorkingDays(a.getReceivedOn(), limit + a.getPublicityExcludedWd());
    }

    /** Investigating: the township's own limit for 调查 and 初审 from 受理, where its programme has one (特困: 15 WD). */
    LocalDate townshipDue(Application a) {
        Integer wd = procedureOf(a).townshipWd();
        return wd == null ? null : calendar.addWorkingDays(a.getReceivedOn(), wd);
    }

    /** The last day of a 公示 starting on {@code start}, in working or calendar days as the settings say. */
    LocalDate publicityEnd(ProgrammeProcedure p, LocalDate start) {
        return p.publicityUnit() == DayUnit.WORKING
                ? calendar.addWorkingDays(start.minusDays(1), p.publicityDays())
                : start.plusDays(p.publicityDays() - 1L);
    }

    /** Entering the decision step: its due date and the draw of the county's home visit. */
    void toDecision(Application a, LocalDate today) {
        ProgrammeProcedure p = procedureOf(a);
        a.setStepDue(calendar.addWorkingDays(today, p.countyDecisionWd()));
        boolean mandatory = a.isNearRelative() || a.isComplaint();
        if (a.townshipDecides()) {
            // the township decides; the county samples afterwards, but flagged cases are visited first
            a.setSampled(mandatory);
            a.setVisitRequired(mandatory);
        } else {
            boolean drawn = mandatory || sampler.draw(p.countySamplingPct());
            a.setSampled(drawn);
            a.setVisitRequired(drawn);
        }
    }

    /** Delegated flow: whether the county checks this township decision afterwards. */
    boolean postCheckDrawn(Application a) {
        return a.isNearRelative() || a.isComplaint() || sampler.draw(procedureOf(a).countySamplingPct());
    }

    /** The badge of a due date as of today. */
    Deadline deadline(LocalDate due, boolean done, LocalDate today) {
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
}
