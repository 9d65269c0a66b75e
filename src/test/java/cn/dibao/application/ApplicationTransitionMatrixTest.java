package cn.dibao.application;

import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.ForbiddenActionException;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static cn.dibao.application.Cases.ALL_MATERIALS;
import static cn.dibao.application.Cases.CASEWORKER;
import static cn.dibao.application.Cases.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every action of the workflow tried in every state by every role (issue #5): the case is brought to
 * each state once; each attempt runs in a transaction that is rolled back afterwards, so one case per
 * state serves all attempts. An allowed action must succeed, move the case where it should and write
 * one timeline line; a refused one must fail with exactly the expected message key.
 * <p>
 * The cases are 低保 in the demo caseworker's village under the demo county standard, registered as
 * 近亲属备案 (so the county's home visit is mandatory, not drawn) with the visit recorded before the
 * decision. Prepared from Monday 2 March 2026 (公示 2–8 March); the attempts are made on 16 March.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationTransitionMatrixTest {

    static final LocalDate PREPARED = LocalDate.of(2026, 3, 2);
    static final LocalDate TRIED = LocalDate.of(2026, 3, 16);

    /** The states a case is brought to; REFUSAL_NOTIFIED is REFUSED with the notice delivered. */
    enum At {
        RETURNED, ACCEPTED, INVESTIGATING, TOWNSHIP_REVIEW, PUBLICITY, AWAITING_DECISION, APPROVED, REFUSED,
        REFUSAL_NOTIFIED, ENROLLED, WITHDRAWN, TERMINATED;

        ApplicationState state() {
            return this == REFUSAL_NOTIFIED ? ApplicationState.REFUSED : ApplicationState.valueOf(name());
        }
    }

    @FunctionalInterface
    interface Attempt {
        void run(ApplicationService s, long id, LocalDate today);
    }

    /** Each action of the workflow with a valid input. */
    static final Map<CaseAction, Attempt> ATTEMPTS = new EnumMap<>(Map.ofEntries(
            Map.entry(CaseAction.SUPPLEMENT,
                    (s, id, d) -> s.supplement(id, new ApplicationInput.Supplement(ALL_MATERIALS, true, true))),
            Map.entry(CaseAction.START_INVESTIGATION, (s, id, d) -> s.startInvestigation(id)),
            Map.entry(CaseAction.HOME_VISIT, (s, id, d) -> s.recordHomeVisit(id, Cases.visit(d))),
            Map.entry(CaseAction.INTERVIEW, (s, id, d) -> s.recordInterview(id,
                    new ApplicationInput.Interview(d, "邻居张某", "与申报情况一致"))),
            Map.entry(CaseAction.REQUEST_VERIFICATION, (s, id, d) -> s.requestVerification(id)),
            Map.entry(CaseAction.VERIFICATION_RESULT, (s, id, d) -> s.recordVerificationResult(id,
                    new ApplicationInput.VerificationResult(ApplicationInput.VerificationOutcome.CONSISTENT, "一致"))),
            Map.entry(CaseAction.SUBMIT_INVESTIGATION, (s, id, d) -> s.submitInvestigation(id)),
            Map.entry(CaseAction.TOWNSHIP_REVIEW,
                    (s, id, d) -> s.townshipReview(id, Cases.eligible(YearMonth.from(d), null))),
            Map.entry(CaseAction.OBJECTION, (s, id, d) -> s.recordObjection(id,
                    new ApplicationInput.Objection(PREPARED.plusDays(2), "邻居反映其有经营收入"))),
            Map.entry(CaseAction.CLOSE_PUBLICITY, (s, id, d) -> s.closePublicity(id)),
            Map.entry(CaseAction.COMPLAINT, (s, id, d) -> s.recordComplaint(id, Cases.reason("群众来电举报"))),
            Map.entry(CaseAction.APPROVE, (s, id, d) -> s.approve(id, new ApplicationInput.Approve("同意"))),
            Map.entry(CaseAction.REFUSE, (s, id, d) -> s.refuse(id, Cases.reason("家庭收入超过标准"))),
            Map.entry(CaseAction.DELIVER_NOTICE, (s, id, d) -> s.deliverNotice(id, new ApplicationInput.Delivery(d))),
            Map.entry(CaseAction.RETURN, (s, id, d) -> s.returnForSupplement(id, Cases.reason("缺少收入证明"))),
            Map.entry(CaseAction.WITHDRAW, (s, id, d) -> s.withdraw(id, Cases.reason("申请人撤回"))),
            Map.entry(CaseAction.TERMINATE, (s, id, d) -> s.terminate(id, Cases.reason("拒不配合调查"))),
            Map.entry(CaseAction.EXTEND, (s, id, d) -> s.extend(id, Cases.reason("情况复杂，延长办理"))),
            Map.entry(CaseAction.GRANT_URGENT, (s, id, d) -> s.grantUrgent(id, new ApplicationInput.UrgentGrant(
                    new BigDecimal("500.00"), "突发火灾"))),
            Map.entry(CaseAction.COMPLETE_PAPERWORK, (s, id, d) -> s.completePaperwork(id)),
            Map.entry(CaseAction.POST_CHECK, (s, id, d) -> s.recordPostCheck(id, Cases.reason("事后抽查")))));

    /**
     * Actions the matrix does not try: a new case has no state to start from, and a scan needs a file
     * (both are covered by ApplicationIntakeTest and DocumentWebTest).
     */
    static final Set<CaseAction> NOT_IN_THE_MATRIX = Set.of(CaseAction.ACCEPT, CaseAction.ATTACH);

    /** Where a row of the workflow may lead to several states, the one these attempts lead to. */
    static final Map<CaseAction, ApplicationState> WHEN_SEVERAL = Map.of(
            CaseAction.SUPPLEMENT, ApplicationState.ACCEPTED, // returned at intake
            CaseAction.TOWNSHIP_REVIEW, ApplicationState.PUBLICITY); // found eligible

    /**
     * The expected outcome of each action for each role in each state. OK: allowed; WS:
     * application.wrongState; CW / RV: application.role.CASEWORKER / REVIEWER; OPEN:
     * application.verification.open (the prepared case has a 核对 request waiting); URG:
     * application.urgent.onlyUrgent (these are 低保 cases). The auditor's line holds for the
     * administrator too: neither has a workflow role.
     */
    static final String TABLE = """
            #                                RET ACC INV TSR PUB AWD APR REF RFN ENR WDR TRM
            SUPPLEMENT           caseworker  OK  WS  WS  WS  WS  WS  WS  WS  WS  WS  WS  WS
            SUPPLEMENT           reviewer    CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            SUPPLEMENT           auditor     CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            START_INVESTIGATION  caseworker  WS  OK  WS  WS  WS  WS  WS  WS  WS  WS  WS  WS
            START_INVESTIGATION  reviewer    CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            START_INVESTIGATION  auditor     CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            HOME_VISIT           caseworker  WS  WS  OK  WS  WS  RV  WS  WS  WS  WS  WS  WS
            HOME_VISIT           reviewer    WS  WS  CW  WS  WS  OK  WS  WS  WS  WS  WS  WS
            HOME_VISIT           auditor     WS  WS  CW  WS  WS  RV  WS  WS  WS  WS  WS  WS
            INTERVIEW            caseworker  WS  WS  OK  WS  WS  WS  WS  WS  WS  WS  WS  WS
            INTERVIEW            reviewer    CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            INTERVIEW            auditor     CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            REQUEST_VERIFICATION caseworker  WS  WS  OPEN WS WS  WS  WS  WS  WS  WS  WS  WS
            REQUEST_VERIFICATION reviewer    CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            REQUEST_VERIFICATION auditor     CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            VERIFICATION_RESULT  caseworker  WS  WS  OK  WS  WS  WS  WS  WS  WS  WS  WS  WS
            VERIFICATION_RESULT  reviewer    WS  WS  OK  WS  WS  WS  WS  WS  WS  WS  WS  WS
            VERIFICATION_RESULT  auditor     CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            SUBMIT_INVESTIGATION caseworker  WS  WS  OK  WS  WS  WS  WS  WS  WS  WS  WS  WS
            SUBMIT_INVESTIGATION reviewer    CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            SUBMIT_INVESTIGATION auditor     CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            TOWNSHIP_REVIEW      caseworker  WS  WS  WS  OK  WS  WS  WS  WS  WS  WS  WS  WS
            TOWNSHIP_REVIEW      reviewer    CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            TOWNSHIP_REVIEW      auditor     CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            OBJECTION            caseworker  WS  WS  WS  WS  OK  WS  WS  WS  WS  WS  WS  WS
            OBJECTION            reviewer    CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            OBJECTION            auditor     CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            CLOSE_PUBLICITY      caseworker  WS  WS  WS  WS  OK  WS  WS  WS  WS  WS  WS  WS
            CLOSE_PUBLICITY      reviewer    CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            CLOSE_PUBLICITY      auditor     CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            COMPLAINT            caseworker  OK  OK  OK  OK  OK  OK  WS  WS  WS  WS  WS  WS
            COMPLAINT            reviewer    OK  OK  OK  OK  OK  OK  WS  WS  WS  WS  WS  WS
            COMPLAINT            auditor     CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            APPROVE              caseworker  RV  RV  RV  RV  RV  RV  RV  RV  RV  RV  RV  RV
            APPROVE              reviewer    WS  WS  WS  WS  WS  OK  WS  WS  WS  WS  WS  WS
            APPROVE              auditor     RV  RV  RV  RV  RV  RV  RV  RV  RV  RV  RV  RV
            REFUSE               caseworker  RV  RV  RV  RV  RV  RV  RV  RV  RV  RV  RV  RV
            REFUSE               reviewer    WS  WS  WS  WS  WS  OK  WS  WS  WS  WS  WS  WS
            REFUSE               auditor     RV  RV  RV  RV  RV  RV  RV  RV  RV  RV  RV  RV
            DELIVER_NOTICE       caseworker  WS  WS  WS  WS  WS  WS  OK  OK  WS  WS  WS  WS
            DELIVER_NOTICE       reviewer    CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            DELIVER_NOTICE       auditor     CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            RETURN               caseworker  WS  OK  OK  OK  WS  RV  WS  WS  WS  WS  WS  WS
            RETURN               reviewer    WS  CW  CW  CW  WS  OK  WS  WS  WS  WS  WS  WS
            RETURN               auditor     WS  CW  CW  CW  WS  RV  WS  WS  WS  WS  WS  WS
            WITHDRAW             caseworker  OK  OK  OK  OK  OK  OK  WS  WS  WS  WS  WS  WS
            WITHDRAW             reviewer    CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            WITHDRAW             auditor     CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            TERMINATE            caseworker  OK  OK  OK  OK  OK  OK  WS  WS  WS  WS  WS  WS
            TERMINATE            reviewer    OK  OK  OK  OK  OK  OK  WS  WS  WS  WS  WS  WS
            TERMINATE            auditor     CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            EXTEND               caseworker  OK  OK  OK  OK  OK  OK  WS  WS  WS  WS  WS  WS
            EXTEND               reviewer    OK  OK  OK  OK  OK  OK  WS  WS  WS  WS  WS  WS
            EXTEND               auditor     CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            GRANT_URGENT         caseworker  URG URG URG URG URG URG URG URG URG URG URG URG
            GRANT_URGENT         reviewer    CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            GRANT_URGENT         auditor     CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            COMPLETE_PAPERWORK   caseworker  WS  WS  WS  WS  WS  WS  WS  WS  WS  WS  WS  WS
            COMPLETE_PAPERWORK   reviewer    CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            COMPLETE_PAPERWORK   auditor     CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW  CW
            POST_CHECK           caseworker  RV  RV  RV  RV  RV  RV  RV  RV  RV  RV  RV  RV
            POST_CHECK           reviewer    WS  WS  WS  WS  WS  WS  WS  WS  WS  WS  WS  WS
            POST_CHECK           auditor     RV  RV  RV  RV  RV  RV  RV  RV  RV  RV  RV  RV
            """;

    static final Map<String, String> KEYS = Map.of(
            "WS", "application.wrongState",
            "CW", "application.role.CASEWORKER",
            "RV", "application.role.REVIEWER",
            "OPEN", "application.verification.open",
            "URG", "application.urgent.onlyUrgent");
    static final Set<String> FORBIDDEN = Set.of("CW", "RV");

    @Autowired
    ApplicationService service;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Cases cases;
    final Map<At, Long> caseAt = new EnumMap<>(At.class);

    @BeforeAll
    void prepareOneCasePerState() {
        try {
            for (At at : At.values()) {
                cases.on(PREPARED);
                caseAt.put(at, prepare(at));
            }
        } finally {
            clock.reset();
        }
        caseAt.forEach((at, id) -> assertThat(cases.state(id)).as(at.name()).isEqualTo(at.state()));
    }

    @AfterAll
    void resetClock() {
        clock.reset();
    }

    private long prepare(At at) {
        Cases.Household h = cases.household(Fixtures.VILLAGE_A);
        if (at == At.RETURNED) {
            return cases.accept(CASEWORKER, h, AssistanceType.DIBAO, Set.of("ID_CARD"), true);
        }
        long id = cases.accept(CASEWORKER, h, AssistanceType.DIBAO, ALL_MATERIALS, true);
        switch (at) {
            case ACCEPTED -> {
            }
            case WITHDRAWN -> cases.run(CASEWORKER, () -> service.withdraw(id, Cases.reason("申请人撤回")));
            case TERMINATED -> cases.run(CASEWORKER, () -> {
                service.startInvestigation(id);
                service.terminate(id, Cases.reason("申请人死亡"));
            });
            case INVESTIGATING -> cases.run(CASEWORKER, () -> {
                service.startInvestigation(id);
                service.recordHomeVisit(id, Cases.visit(PREPARED));
                service.requestVerification(id);
                service.recordVerificationResult(id, new ApplicationInput.VerificationResult(
                        ApplicationInput.VerificationOutcome.CONSISTENT, "一致"));
                service.requestVerification(id); // a second request, still waiting
            });
            default -> {
                cases.investigate(CASEWORKER, id);
                if (at == At.TOWNSHIP_REVIEW) {
                    break;
                }
                cases.review(CASEWORKER, id);
                if (at == At.PUBLICITY) {
                    break;
                }
                cases.closePublicity(CASEWORKER, id);
                cases.countyVisit(REVIEWER, id);
                switch (at) {
                    case APPROVED, ENROLLED -> cases.run(REVIEWER,
                            () -> service.approve(id, new ApplicationInput.Approve(null)));
                    case REFUSED, REFUSAL_NOTIFIED -> cases.run(REVIEWER,
                            () -> service.refuse(id, Cases.reason("收入超标")));
                    default -> {
                    }
                }
                if (at == At.ENROLLED || at == At.REFUSAL_NOTIFIED) {
                    cases.run(CASEWORKER, () -> service.deliverNotice(id,
                            new ApplicationInput.Delivery(cases.today())));
                }
            }
        }
        return id;
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.trim().split("\\s+");
            if (cells[0].startsWith("#")) {
                continue;
            }
            CaseAction action = CaseAction.valueOf(cells[0]);
            String actor = cells[1];
            assertThat(cells).as(line).hasSize(2 + At.values().length);
            for (At at : At.values()) {
                String expected = cells[2 + at.ordinal()];
                rows.add(Arguments.of(at, action, actor, expected));
                if (actor.equals("auditor")) {
                    rows.add(Arguments.of(at, action, "admin", expected));
                }
            }
        }
        return rows.stream();
    }

    @Test
    void theTableCoversEveryActionForEveryRole() {
        Map<CaseAction, Long> linesPerAction = new EnumMap<>(CaseAction.class);
        table().forEach(a -> linesPerAction.merge((CaseAction) a.get()[1], 1L, Long::sum));
        Set<CaseAction> tried = java.util.EnumSet.allOf(CaseAction.class);
        tried.removeAll(NOT_IN_THE_MATRIX);
        assertThat(linesPerAction.keySet()).containsExactlyInAnyOrderElementsOf(tried);
        assertThat(ATTEMPTS.keySet()).containsExactlyInAnyOrderElementsOf(tried);
        assertThat(linesPerAction.values()).allMatch(n -> n == 4L * At.values().length);
    }

    @ParameterizedTest(name = "{1} in {0} by {2} → {3}")
    @MethodSource("table")
    void everyActionInEveryStateByEveryRole(At at, CaseAction action, String actor, String expected) {
        long id = caseAt.get(at);
        cases.on(TRIED);
        try {
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                tx.setRollbackOnly();
                long eventsBefore = events(id);
                if (expected.equals("OK")) {
                    cases.run(actor, () -> ATTEMPTS.get(action).run(service, id, TRIED));
                    assertThat(cases.state(id)).isEqualTo(declaredTo(action, at.state()));
                    assertThat(events(id)).as("one timeline line").isEqualTo(eventsBefore + 1);
                } else {
                    assertThatThrownBy(() -> cases.run(actor, () -> ATTEMPTS.get(action).run(service, id, TRIED)))
                            .isInstanceOf(FORBIDDEN.contains(expected) ? ForbiddenActionException.class
                                    : DomainException.class)
                            .satisfies(e -> {
                                DomainException d = (DomainException) e;
                                assertThat(d.messageKey()).isEqualTo(KEYS.get(expected));
                                if (expected.equals("WS")) {
                                    assertThat(d.args()).containsExactly(at.state().name());
                                }
                            });
                }
            });
        } finally {
            clock.reset();
        }
        assertThat(cases.state(id)).as("rolled back").isEqualTo(at.state());
    }

    /**
     * The case page offers exactly what the service allows: the actions {@link CaseWorkflow#offered} gives the
     * user on each prepared case are exactly the table's OK cells: a second 核对 request while one is waiting
     * (OPEN) is refused by the service and not offered either.
     */
    @ParameterizedTest(name = "{1} in {0} by {2} → {3}")
    @MethodSource("table")
    void thePageOffersWhatTheServiceAllows(At at, CaseAction action, String actor, String expected) {
        long id = caseAt.get(at);
        cases.on(TRIED);
        try {
            Set<CaseAction> offered = cases.as(actor, () -> service.get(id).actions());
            assertThat(offered.contains(action)).as("offered").isEqualTo(expected.equals("OK"));
        } finally {
            clock.reset();
        }
    }

    /** The state a successful action leads to, as the workflow declares it. */
    private static ApplicationState declaredTo(CaseAction action, ApplicationState from) {
        CaseWorkflow.Step row = CaseWorkflow.rowFor(action, from);
        assertThat(row).as(action + " from " + from).isNotNull();
        if (row.to().isEmpty()) {
            return from;
        }
        if (row.to().size() == 1) {
            return row.to().iterator().next();
        }
        assertThat(row.to()).contains(WHEN_SEVERAL.get(action));
        return WHEN_SEVERAL.get(action);
    }

    /** Another township's caseworker does not even find the case (404), whatever its state. */
    @Test
    void anotherTownshipsCaseworkerFindsNoCase() {
        for (At at : List.of(At.ACCEPTED, At.INVESTIGATING, At.PUBLICITY, At.AWAITING_DECISION)) {
            long id = caseAt.get(at);
            for (CaseAction action : List.of(CaseAction.START_INVESTIGATION, CaseAction.HOME_VISIT,
                    CaseAction.CLOSE_PUBLICITY, CaseAction.WITHDRAW, CaseAction.EXTEND, CaseAction.COMPLAINT)) {
                assertThatThrownBy(() -> cases.run("caseworker2", () -> ATTEMPTS.get(action).run(service, id, TRIED)))
                        .as(action + " in " + at).isInstanceOf(NotFoundException.class);
            }
            assertThatThrownBy(() -> cases.run("caseworker2", () -> service.get(id)))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    private long events(long id) {
        return jdbc.queryForObject("select count(*) from application_event where application_id = ?", Long.class,
                id);
    }
}
