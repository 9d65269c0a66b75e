package cn.dibao.application;

import cn.dibao.common.security.AreaScope;
import cn.dibao.common.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Case lists in SQL: the area scope is a prefix condition in the query itself, like every
 * query of the app, so a case outside it is never read. Ordered by the step's due date (cases
 * without one last), then by id; pages are slices without a total count.
 */
@Component
class ApplicationSearch {

    /** States in which the step due date is no longer open work (a refused case waits for its notice). */
    private static final String STEP_CLOSED = "('ENROLLED', 'WITHDRAWN', 'TERMINATED')";
    private static final String CLOSED = "('ENROLLED', 'REFUSED', 'WITHDRAWN', 'TERMINATED')";

    private final JdbcClient jdbc;

    ApplicationSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who asks and when: the scope pattern, the user for {@code mine}, the roles for {@code task}. */
    record Caller(String scopePattern, String username, Set<Role> roles, LocalDate today, LocalDate dueSoonBefore) {
    }

    /** A row as stored; {@link ApplicationQueries} turns the dates into badges. */
    record Hit(long id, long householdId, long applicantPersonId, String applicantName, AssistanceType type,
               ApplicationState state, String areaCode, String areaName, LocalDate receivedOn, String acceptedBy,
               LocalDate stepDue, LocalDate totalDue, LocalDate decidedOn, LocalDate noticeDeliveredOn,
               LocalDate paperworkDue, LocalDate paperworkDoneOn) {

        boolean stepOpen() {
            return stepDue != null && state != ApplicationState.ENROLLED && state != ApplicationState.WITHDRAWN
                    && state != ApplicationState.TERMINATED
                    && !(state == ApplicationState.REFUSED && noticeDeliveredOn != null);
        }
    }

    /** One page plus one row, so the caller knows whether there is a next page. */
    List<Hit> search(ApplicationQuery q, Caller caller, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, caller, params);
        params.put("limit", size + 1);
        params.put("offset", (long) page * size);
        return jdbc.sql("""
                select a.id, a.household_id, a.applicant_person_id, p.name as applicant_name, a.assistance_type,
                       a.state, a.area_code, ar.name as area_name, a.received_on, a.accepted_by, a.step_due,
                       a.total_due, a.decided_on, a.notice_delivered_on, a.paperwork_due, a.paperwork_done_on
                from application a
                join person p on p.id = a.applicant_person_id
                join area ar on ar.code = a.area_code
                """ + "where " + where + "\n" + """
                order by a.step_due nulls last, a.id
                limit :limit offset :offset""").params(params).query(ApplicationSearch::hit).list();
    }

    long count(ApplicationQuery q, Caller caller) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, caller, params);
        return jdbc.sql("select count(*) from application a where " + where).params(params).query(Long.class)
                .single();
    }

    private static String where(ApplicationQuery q, Caller caller, Map<String, Object> params) {
        List<String> and = new ArrayList<>();
        and.add("a.area_code like :scopePattern");
        params.put("scopePattern", caller.scopePattern());
        if (q.state() != null) {
            and.add("a.state = :state");
            params.put("state", q.state().name());
        }
        if (q.assistanceType() != null) {
            and.add("a.assistance_type = :type");
            params.put("type", q.assistanceType().name());
        }
        if (q.areaCode() != null && q.areaCode().matches("[0-9]{12}")) {
            and.add("a.area_code like :area");
            params.put("area", AreaScope.of(q.areaCode()).likePattern());
        }
        if (q.due() != null) {
            params.put("today", caller.today());
            if (q.due() == ApplicationQuery.Due.OVERDUE) {
                and.add(openDeadlineBefore("today"));
            } else {
                params.put("soon", caller.dueSoonBefore());
                and.add("not " + openDeadlineBefore("today"));
                and.add(openDeadlineBefore("soon"));
            }
        }
        if (q.mine()) {
            and.add("(a.accepted_by = :me or exists (select 1 from application_event e"
                    + " where e.application_id = a.id and e.actor = :me))");
            params.put("me", caller.username());
        }
        if (q.task()) {
            and.add(waitingFor(caller.roles()));
        }
        return String.join("\n  and ", and);
    }

    /**
     * Whether an open deadline lies before the day: the step (a refused case's step is the
     * delivery of its notice), the whole limit until the decision, the 先行救助 paperwork. Never
     * null, so it can be negated.
     */
    private static String openDeadlineBefore(String day) {
        return "((a.step_due is not null and a.step_due < :" + day + " and a.state not in " + STEP_CLOSED
                + " and not (a.state = 'REFUSED' and a.notice_delivered_on is not null))"
                + " or (a.total_due < :" + day + " and a.decided_on is null and a.state not in " + CLOSED + ")"
                + " or (a.paperwork_due is not null and a.paperwork_due < :" + day
                + " and a.paperwork_done_on is null))";
    }

    /**
     * Cases waiting for the roles: a caseworker's from 受理 to 初审 and 公示, returned cases,
     * notices to deliver and 先行救助 paperwork to complete; a reviewer's decisions and the county's
     * later checks of delegated decisions. Other roles wait for nothing.
     */
    private static String waitingFor(Set<Role> roles) {
        List<String> or = new ArrayList<>();
        if (roles.contains(Role.CASEWORKER)) {
            or.add("a.state in ('ACCEPTED', 'INVESTIGATING', 'TOWNSHIP_REVIEW', 'PUBLICITY', 'RETURNED', 'APPROVED')");
            or.add("(a.state = 'REFUSED' and a.notice_delivered_on is null)");
            or.add("(a.urgent_paid_on is not null and a.paperwork_done_on is null)");
        }
        if (roles.contains(Role.REVIEWER)) {
            or.add("a.state = 'AWAITING_DECISION'");
            or.add("(a.post_check_required and a.post_check_done_on is null)");
        }
        return or.isEmpty() ? "false" : "(" + String.join(" or ", or) + ")";
    }

    private static Hit hit(ResultSet rs, int i) throws SQLException {
        return new Hit(rs.getLong("id"), rs.getLong("household_id"), rs.getLong("applicant_person_id"),
                rs.getString("applicant_name"), AssistanceType.valueOf(rs.getString("assistance_type")),
                ApplicationState.valueOf(rs.getString("state")), rs.getString("area_code"), rs.getString("area_name"),
                rs.getObject("received_on", LocalDate.class), rs.getString("accepted_by"),
                rs.getObject("step_due", LocalDate.class), rs.getObject("total_due", LocalDate.class),
                rs.getObject("decided_on", LocalDate.class), rs.getObject("notice_delivered_on", LocalDate.class),
                rs.getObject("paperwork_due", LocalDate.class), rs.getObject("paperwork_done_on", LocalDate.class));
    }
}
