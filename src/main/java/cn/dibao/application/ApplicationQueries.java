package cn.dibao.application;

import cn.dibao.calendar.WorkingCalendar;
import cn.dibao.common.security.CurrentStaff;
import cn.dibao.common.security.StaffPrincipal;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Case lists for the API and the pages' worklists, always within the current user's area scope.
 * <ul>
 * <li>{@code task}: what waits for the user's roles. CASEWORKER: ACCEPTED, INVESTIGATING,
 * TOWNSHIP_REVIEW, PUBLICITY, RETURNED, APPROVED (notice to deliver), REFUSED with the notice
 * not yet delivered, and 先行救助 paperwork not yet complete. REVIEWER: AWAITING_DECISION, and
 * delegated decisions drawn for the county's later check not yet done. A user with both roles gets
 * both; other roles get nothing.</li>
 * <li>{@code mine}: cases the user accepted or has any timeline entry on.</li>
 * <li>{@code due}: OVERDUE when an open deadline (the step, the whole limit until the decision,
 * the 先行救助 paperwork) is before today; DUE_SOON when none is, and one ends within
 * {@link Deadline#DUE_SOON_WORKING_DAYS} working days (the same rule as the badges).</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class ApplicationQueries {

    public static final int MAX_PAGE_SIZE = 100;

    private final ApplicationSearch search;
    private final ApplicationService applications;
    private final WorkingCalendar calendar;

    ApplicationQueries(ApplicationSearch search, ApplicationService applications, WorkingCalendar calendar) {
        this.search = search;
        this.applications = applications;
        this.calendar = calendar;
    }

    /**
     * A page of cases, earliest step due date first (cases without one last), then by id.
     * {@code page} starts at 0; {@code size} is kept within 1–{@value #MAX_PAGE_SIZE}.
     */
    public Slice<ApplicationRow> search(ApplicationQuery query, int page, int size) {
        int p = Math.max(0, page);
        int s = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        LocalDate today = applications.today();
        List<ApplicationSearch.Hit> hits = search.search(query, caller(today), p, s);
        boolean hasNext = hits.size() > s;
        List<ApplicationRow> rows = new ArrayList<>();
        for (ApplicationSearch.Hit h : hasNext ? hits.subList(0, s) : hits) {
            rows.add(new ApplicationRow(h.id(), h.householdId(), h.applicantPersonId(), h.applicantName(), h.type(),
                    h.state(), h.areaCode(), h.areaName(), h.receivedOn(), h.acceptedBy(),
                    applications.deadline(h.stepDue(), !h.stepOpen(), today),
                    applications.deadline(h.totalDue(), h.decidedOn() != null || h.state().closed(), today),
                    applications.deadline(h.paperworkDue(), h.paperworkDoneOn() != null, today)));
        }
        return new SliceImpl<>(rows, PageRequest.of(p, s), hasNext);
    }

    /** How many cases match (for counters on the start page and the worklist tabs). */
    public long count(ApplicationQuery query) {
        return search.count(query, caller(applications.today()));
    }

    private ApplicationSearch.Caller caller(LocalDate today) {
        StaffPrincipal me = CurrentStaff.require();
        // due soon: at most DUE_SOON_WORKING_DAYS working days left, i.e. before the next working day after those
        LocalDate soon = calendar.addWorkingDays(today, Deadline.DUE_SOON_WORKING_DAYS + 1);
        return new ApplicationSearch.Caller(me.scope().likePattern(), me.getUsername(), me.roles(), today, soon);
    }
}
