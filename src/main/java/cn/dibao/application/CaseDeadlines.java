package cn.dibao.application;

import lombok.RequiredArgsConstructor;
import cn.dibao.calendar.WorkingCalendar;
import cn.dibao.common.error.DomainException;
import cn.dibao.engine.DayUnit;
import cn.dibao.household.HouseholdFile;
import cn.dibao.standard.StandardService;
import cn.dibao.standard.StandardVersion;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The time limits of a case in working days (domain-rules §3, ADR 0008): from the local settings the case
 * was accepted under, counted on the working-day calendar; and the draw of the county's home visit.
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

    /** Starts the time limits from 受理; {@code state} is the state the case is entering. */
    void startClock(Application a, StandardVersion settings, LocalDate acceptedOn, ApplicationState state) {
        a.setReceivedOn(acceptedOn);
        a.setStepDue(state == ApplicationState.ACCEPTED
                ? calendar.addWorkingDays(acceptedOn, settings.procedure().investigationStartWd()) : null);
        a.setTotalDue(totalDue(a, settings));
    }

    /** The whole limit from 受理, plus the working days of 公示 when 公示 is not counted in it. */
    LocalDate totalDue(Application a, StandardVersion settings) {
        int limit = a.isExtended() ? settings.procedure().totalExtendedWd() : settings.procedure().totalWd();
        return calendar.addWorkingDays(a.getReceivedOn(), limit + a.getPublicityExcludedWd());
    }

    /** The last day of a 公示 starting on {@code start}, in working or calendar days as the settings say. */
    LocalDate publicityEnd(StandardVersion settings, LocalDate start) {
        return settings.procedure().publicityUnit() == DayUnit.WORKING
                ? calendar.addWorkingDays(start.minusDays(1), settings.procedure().publicityDays())
                : start.plusDays(settings.procedure().publicityDays() - 1L);
    }

    /** Entering the decision step: its due date and the draw of the county's home visit. */
    void toDecision(Application a, LocalDate today) {
        StandardVersion settings = settingsOf(a);
        a.setStepDue(calendar.addWorkingDays(today, settings.procedure().countyDecisionWd()));
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

    /** Delegated flow: whether the county checks this township decision afterwards. */
    boolean postCheckDrawn(Application a) {
        return a.isNearRelative() || a.isComplaint() || sampler.draw(settingsOf(a).procedure().countySamplingPct());
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
