package cn.dibao.application;

import lombok.RequiredArgsConstructor;
import cn.dibao.audit.AuditTrail;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.ForbiddenActionException;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.common.security.AreaScope;
import cn.dibao.common.security.CurrentStaff;
import cn.dibao.common.security.StaffPrincipal;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/**
 * What every step of the workflow shares: it locks the case once, checks it against {@link CaseWorkflow}
 * (role, state, conditions, area level, four-eyes), and writes the state change with its timeline line
 * and audit entry. Timeline sentences come from the message bundle, in zh-CN: the timeline is the
 * case's record.
 */
@Component
@RequiredArgsConstructor
class CaseSteps {

    /** The timeline keeps up to 2000 characters; the full text is in the record and the audit trail. */
    private static final int EVENT_COMMENT_MAX = 2000;

    private final ApplicationRepository applications;
    private final ApplicationEventRepository events;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    /** A step under way: the locked case, the row of the table it follows, and who takes it. */
    record Step(Application a, CaseWorkflow.Step row, StaffPrincipal me) {
    }

    /** Locks the case (404 outside the user's area) and checks that the table allows the action now. */
    Step begin(CaseAction action, long id) {
        StaffPrincipal me = actor(action);
        CaseWorkflow.Actor actor = CaseWorkflow.actorOf(action);
        Application a = applications.lockInScope(id, CurrentStaff.scope().likePattern())
                .orElseThrow(() -> new NotFoundException("application", id));
        for (CaseWorkflow.Step s : CaseWorkflow.rows(action)) {
            for (CaseWorkflow.Condition c : s.conditions()) {
                if (c.beforeState() && !c.holds().test(a)) {
                    throw refusal(a, c);
                }
            }
        }
        CaseWorkflow.Step row = CaseWorkflow.rowFor(action, a.getState());
        if (row == null) {
            throw wrongState(a);
        }
        for (CaseWorkflow.Condition c : row.conditions()) {
            if (!c.beforeState() && !c.holds().test(a)) {
                throw refusal(a, c);
            }
        }
        if (actor == null && !row.actor().is(me)) {
            throw new ForbiddenActionException(row.actor().refusalKey());
        }
        switch (row.level()) {
            case IN_SCOPE -> {
            }
            case COUNTY -> {
                if (!me.scope().contains(a.countyCode())) {
                    throw new ForbiddenActionException("application.countyOnly");
                }
            }
            case DECIDING -> mayDecide(a, me);
        }
        return new Step(a, row, me);
    }

    /**
     * The user, checked against the action's one actor where all its rows name the same one (before the case
     * is read: a new case, an upload).
     */
    StaffPrincipal actor(CaseAction action) {
        StaffPrincipal me = CurrentStaff.require();
        CaseWorkflow.Actor actor = CaseWorkflow.actorOf(action);
        if (actor != null && !actor.is(me)) {
            throw new ForbiddenActionException(actor.refusalKey());
        }
        return me;
    }

    /**
     * Who may decide: a reviewer whose area covers the case's county or, where the decision is delegated
     * (审核确认权下放), a reviewer of the case's township itself: the county supervises and checks afterwards
     * but does not decide (domain-rules §2.3). A 临时救助 whose proposed amount is above the township's limit
     * goes to the county all the same (§5.4, ADR 0024). And someone who neither accepted nor investigated the case.
     */
    private void mayDecide(Application a, StaffPrincipal me) {
        boolean township = a.townshipDecides();
        boolean level = township ? me.scope().equals(AreaScope.of(a.townshipCode()))
                : me.scope().contains(a.countyCode());
        if (!level) {
            throw township ? new ForbiddenActionException("application.townshipOnly")
                    : a.isDelegated() ? new ForbiddenActionException("application.countyOnly.aboveTownshipLimit",
                    a.getProposedAmount().toPlainString(), a.getTownshipLimit().toPlainString())
                    : new ForbiddenActionException("application.countyOnly");
        }
        if (me.getUsername().equalsIgnoreCase(a.getAcceptedBy()) || events.tookPartIn(a.getId(), me.getUsername(),
                TimelineCode.intakeOrInvestigation())) {
            throw new ForbiddenActionException("application.fourEyes");
        }
    }

    private static DomainException refusal(Application a, CaseWorkflow.Condition c) {
        return c.refusalKey() == null ? wrongState(a) : DomainException.global(c.refusalKey());
    }

    static DomainException wrongState(Application a) {
        return DomainException.global("application.wrongState", a.getState().name());
    }

    /** The step moves the case to {@code to}, which its row of the table must name. */
    void transition(Step s, ApplicationState to, String comment) {
        if (!s.row().to().contains(to)) {
            throw new IllegalStateException(s.row().action() + " does not lead to " + to);
        }
        ApplicationState from = s.a().getState();
        s.a().setState(to);
        applications.saveAndFlush(s.a());
        event(s.a(), s.row().code(), from, to, comment);
    }

    /** A record or side action that does not change the state, on the timeline all the same. */
    void note(Step s, String comment) {
        applications.saveAndFlush(s.a());
        event(s.a(), s.row().code(), s.a().getState(), s.a().getState(), comment);
    }

    /** The first line of a new case's timeline. */
    void accepted(Application a, String comment) {
        event(a, TimelineCode.ACCEPT, null, a.getState(), comment);
    }

    private void event(Application a, TimelineCode code, ApplicationState from, ApplicationState to, String comment) {
        String by = CurrentStaff.usernameOrSystem();
        events.save(new ApplicationEvent(a.getId(), code, from, to, by, clock.instant(),
                CaseInputs.abbreviate(comment, EVENT_COMMENT_MAX)));
        audit.record("APPLICATION_" + code.name(), "application", a.getId(), a.getAreaCode(),
                a.getAssistanceType().label() + " " + (from == null ? "" : from + " → ") + to
                        + (comment == null ? "" : "：" + comment));
    }

    /** A timeline sentence from the message bundle ({@code application.timeline.*}), in zh-CN. */
    String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Bean Validation checks dates against the system clock; the workflow against the app's clock. */
    void notFuture(String field, LocalDate date) {
        if (date != null && date.isAfter(today())) {
            throw new DomainException(field, "application.date.future");
        }
    }
}
