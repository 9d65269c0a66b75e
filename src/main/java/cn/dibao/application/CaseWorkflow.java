package cn.dibao.application;

import cn.dibao.common.security.Role;
import cn.dibao.common.security.StaffPrincipal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static cn.dibao.application.ApplicationState.ACCEPTED;
import static cn.dibao.application.ApplicationState.APPROVED;
import static cn.dibao.application.ApplicationState.AWAITING_DECISION;
import static cn.dibao.application.ApplicationState.ENROLLED;
import static cn.dibao.application.ApplicationState.INVESTIGATING;
import static cn.dibao.application.ApplicationState.OPEN;
import static cn.dibao.application.ApplicationState.PUBLICITY;
import static cn.dibao.application.ApplicationState.REFUSED;
import static cn.dibao.application.ApplicationState.RETURNED;
import static cn.dibao.application.ApplicationState.TERMINATED;
import static cn.dibao.application.ApplicationState.TOWNSHIP_REVIEW;
import static cn.dibao.application.ApplicationState.WITHDRAWN;

/**
 * The case workflow as one table (domain-rules §3, ADR 0012, ADR 0015): for each action, the states it
 * may be taken from, who takes it, at which area level, the states it may lead to and the code it writes
 * on the timeline, with any further condition. {@link CaseSteps#begin} refuses what the table does not
 * allow, the case page offers what it allows ({@link #offered}), and ApplicationTransitionMatrixTest
 * checks the table against the expected outcome of every action in every state for every role.
 *
 * <p>An action has one row per starting situation. Where all its rows name the same role, the role is
 * checked first (a reviewer is told "caseworkers only" whatever the state); where the role depends on the
 * state (a home visit, a return), the row is found by the state first.
 */
final class CaseWorkflow {

    private CaseWorkflow() {
    }

    /** Who takes a step: caseworkers, reviewers, or either (case staff; administrators and auditors never). */
    enum Actor {
        CASEWORKER, REVIEWER, CASE_STAFF;

        boolean is(StaffPrincipal me) {
            return switch (this) {
                case CASEWORKER -> me.hasRole(Role.CASEWORKER);
                case REVIEWER -> me.hasRole(Role.REVIEWER);
                case CASE_STAFF -> me.hasRole(Role.CASEWORKER) || me.hasRole(Role.REVIEWER);
            };
        }

        /** The message key of the refusal: case staff are told what caseworkers are told. */
        String refusalKey() {
            return "application.role." + (this == REVIEWER ? "REVIEWER" : "CASEWORKER");
        }
    }

    /**
     * Where the actor must sit beyond seeing the case (the query layer already limits that to the user's
     * area): anywhere in scope, at the case's county, or at the level that decides (the county, or the
     * township where the decision is delegated) and not among those who accepted or investigated it.
     */
    enum Level { IN_SCOPE, COUNTY, DECIDING }

    /** A further condition of a row; refused with its key, or application.wrongState when that is null. */
    record Condition(Predicate<Application> holds, String refusalKey, boolean beforeState) {
    }

    record Step(CaseAction action, Set<ApplicationState> from, Actor actor, Level level, Set<ApplicationState> to,
                TimelineCode code, List<Condition> conditions) {

        Step when(Predicate<Application> holds, String refusalKey) {
            return with(new Condition(holds, refusalKey, false));
        }

        /** A condition checked before the state: the action does not exist for this case at all. */
        Step onlyIf(Predicate<Application> holds, String refusalKey) {
            return with(new Condition(holds, refusalKey, true));
        }

        Step at(Level level) {
            return new Step(action, from, actor, level, to, code, conditions);
        }

        private Step with(Condition c) {
            List<Condition> all = new java.util.ArrayList<>(conditions);
            all.add(c);
            return new Step(action, from, actor, level, to, code, List.copyOf(all));
        }

        boolean unchanged() {
            return to.isEmpty();
        }
    }

    private static final Set<ApplicationState> ANY = EnumSet.allOf(ApplicationState.class);
    private static final Set<ApplicationState> CLOSED = EnumSet.of(ENROLLED, REFUSED, WITHDRAWN, TERMINATED);
    private static final Set<ApplicationState> NONE = Set.of();

    /** The table. Read it as: action, from, who, to, timeline code (, level, conditions). */
    static final List<Step> STEPS = List.of(
            // 受理 and 补正
            step(CaseAction.ACCEPT, NONE, Actor.CASEWORKER, EnumSet.of(ACCEPTED, RETURNED), TimelineCode.ACCEPT),
            step(CaseAction.SUPPLEMENT, EnumSet.of(RETURNED), Actor.CASEWORKER,
                    EnumSet.of(ACCEPTED, INVESTIGATING, TOWNSHIP_REVIEW), TimelineCode.SUPPLEMENT),
            // 调查
            step(CaseAction.START_INVESTIGATION, EnumSet.of(ACCEPTED), Actor.CASEWORKER, EnumSet.of(INVESTIGATING),
                    TimelineCode.START_INVESTIGATION),
            step(CaseAction.HOME_VISIT, EnumSet.of(INVESTIGATING), Actor.CASEWORKER, NONE, TimelineCode.HOME_VISIT),
            step(CaseAction.HOME_VISIT, EnumSet.of(AWAITING_DECISION), Actor.REVIEWER, NONE, TimelineCode.COUNTY_VISIT)
                    .at(Level.COUNTY),
            step(CaseAction.HOME_VISIT, CLOSED, Actor.REVIEWER, NONE, TimelineCode.COUNTY_VISIT).at(Level.COUNTY)
                    .when(Application::isPostCheckRequired, null),
            step(CaseAction.INTERVIEW, EnumSet.of(INVESTIGATING), Actor.CASEWORKER, NONE,
                    TimelineCode.NEIGHBOUR_INTERVIEW),
            step(CaseAction.REQUEST_VERIFICATION, EnumSet.of(INVESTIGATING), Actor.CASEWORKER, NONE,
                    TimelineCode.VERIFICATION_REQUESTED),
            step(CaseAction.VERIFICATION_RESULT, EnumSet.of(INVESTIGATING), Actor.CASE_STAFF, NONE,
                    TimelineCode.VERIFICATION_RESULT),
            step(CaseAction.SUBMIT_INVESTIGATION, EnumSet.of(INVESTIGATING), Actor.CASEWORKER,
                    EnumSet.of(TOWNSHIP_REVIEW), TimelineCode.SUBMIT_INVESTIGATION),
            // 乡镇审核 and 公示
            step(CaseAction.TOWNSHIP_REVIEW, EnumSet.of(TOWNSHIP_REVIEW), Actor.CASEWORKER,
                    EnumSet.of(PUBLICITY, AWAITING_DECISION), TimelineCode.TOWNSHIP_REVIEW),
            step(CaseAction.OBJECTION, EnumSet.of(PUBLICITY), Actor.CASEWORKER, EnumSet.of(INVESTIGATING),
                    TimelineCode.OBJECTION),
            step(CaseAction.CLOSE_PUBLICITY, EnumSet.of(PUBLICITY), Actor.CASEWORKER, EnumSet.of(AWAITING_DECISION),
                    TimelineCode.PUBLICITY_CLOSED),
            // 审核确认
            step(CaseAction.COMPLAINT, OPEN, Actor.CASE_STAFF, NONE, TimelineCode.COMPLAINT),
            step(CaseAction.APPROVE, EnumSet.of(AWAITING_DECISION), Actor.REVIEWER, EnumSet.of(APPROVED),
                    TimelineCode.APPROVE).at(Level.DECIDING),
            step(CaseAction.REFUSE, EnumSet.of(AWAITING_DECISION), Actor.REVIEWER, EnumSet.of(REFUSED),
                    TimelineCode.REFUSE).at(Level.DECIDING),
            step(CaseAction.DELIVER_NOTICE, EnumSet.of(APPROVED), Actor.CASEWORKER, EnumSet.of(ENROLLED),
                    TimelineCode.NOTICE_DELIVERED),
            step(CaseAction.DELIVER_NOTICE, EnumSet.of(REFUSED), Actor.CASEWORKER, NONE, TimelineCode.NOTICE_DELIVERED)
                    .when(a -> a.getNoticeDeliveredOn() == null, null),
            step(CaseAction.POST_CHECK, ANY, Actor.REVIEWER, NONE, TimelineCode.POST_CHECK).at(Level.COUNTY)
                    .when(a -> a.isPostCheckRequired() && a.getPostCheckDoneOn() == null, null),
            // side paths: 退回补正, 撤回, 终止, 延长
            step(CaseAction.RETURN, EnumSet.of(ACCEPTED, INVESTIGATING, TOWNSHIP_REVIEW), Actor.CASEWORKER,
                    EnumSet.of(RETURNED), TimelineCode.RETURN),
            step(CaseAction.RETURN, EnumSet.of(AWAITING_DECISION), Actor.REVIEWER, EnumSet.of(RETURNED),
                    TimelineCode.RETURN),
            step(CaseAction.WITHDRAW, OPEN, Actor.CASEWORKER, EnumSet.of(WITHDRAWN), TimelineCode.WITHDRAW),
            step(CaseAction.TERMINATE, OPEN, Actor.CASE_STAFF, EnumSet.of(TERMINATED), TimelineCode.TERMINATE),
            step(CaseAction.EXTEND, OPEN, Actor.CASE_STAFF, NONE, TimelineCode.EXTEND)
                    .when(a -> !a.isExtended(), "application.extend.once"),
            // 先行救助 (临时救助, 急难型)
            step(CaseAction.GRANT_URGENT, EnumSet.of(ACCEPTED, RETURNED, INVESTIGATING), Actor.CASEWORKER, NONE,
                    TimelineCode.URGENT_GRANT)
                    .onlyIf(a -> a.getAssistanceType() == AssistanceType.TEMP_URGENT, "application.urgent.onlyUrgent")
                    .when(a -> a.getUrgentPaidOn() == null, "application.urgent.once"),
            step(CaseAction.COMPLETE_PAPERWORK, ANY, Actor.CASEWORKER, NONE, TimelineCode.PAPERWORK_DONE)
                    .when(a -> a.getUrgentPaidOn() != null && a.getPaperworkDoneOn() == null, null),
            // scans of signed papers, at any time
            step(CaseAction.ATTACH, ANY, Actor.CASE_STAFF, NONE, TimelineCode.DOCUMENT));

    private static Step step(CaseAction action, Set<ApplicationState> from, Actor actor, Set<ApplicationState> to,
                             TimelineCode code) {
        return new Step(action, Set.copyOf(from), actor, Level.IN_SCOPE, Set.copyOf(to), code, List.of());
    }

    static List<Step> rows(CaseAction action) {
        return STEPS.stream().filter(s -> s.action() == action).toList();
    }

    /** The one actor of an action whose rows all name the same one, or null where it depends on the state. */
    static Actor actorOf(CaseAction action) {
        List<Actor> actors = rows(action).stream().map(Step::actor).distinct().toList();
        return actors.size() == 1 ? actors.get(0) : null;
    }

    /** The row of an action for a case in its state, or null. */
    static Step rowFor(CaseAction action, ApplicationState state) {
        return rows(action).stream().filter(s -> s.from().contains(state)).findFirst().orElse(null);
    }

    /**
     * The actions the user may take on the case now, as far as state, role and conditions tell (the area
     * level and four-eyes are checked, and explained, when the action is tried).
     */
    static Set<CaseAction> offered(Application a, StaffPrincipal me) {
        Set<CaseAction> out = EnumSet.noneOf(CaseAction.class);
        for (Step s : STEPS) {
            if (s.from().contains(a.getState()) && s.actor().is(me)
                    && s.conditions().stream().allMatch(c -> c.holds().test(a))) {
                out.add(s.action());
            }
        }
        return out;
    }
}
