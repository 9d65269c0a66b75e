package cn.dibao.application;

import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.ForbiddenActionException;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;

import static cn.dibao.application.Cases.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 审核确认权下放 (domain-rules §2.3): where a township's standard delegates the decision, the
 * township's own reviewer decides; the county does not decide but visits flagged cases first and
 * checks a share of the decisions afterwards (post-check).
 */
@IntegrationTest
class DelegatedDecisionTest {

    @Autowired
    ApplicationService service;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    Fixtures fixtures;

    @Autowired
    Cases cases;

    @BeforeEach
    void setUp() {
        cases.on(LocalDate.of(2026, 3, 2));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theTownshipsReviewerDecidesNotTheCounty() {
        Cases.Township t = cases.township(true, "0");
        String caseworker = fixtures.user(t.code(), Fixtures.DEMO_PASSWORD, "CASEWORKER");
        String townshipReviewer = fixtures.user(t.code(), Fixtures.DEMO_PASSWORD, "REVIEWER");
        String otherTownshipsReviewer = fixtures.user(Fixtures.TOWNSHIP_A, Fixtures.DEMO_PASSWORD, "REVIEWER");
        String villageReviewer = fixtures.user(t.village(), Fixtures.DEMO_PASSWORD, "REVIEWER");

        long id = cases.awaitingDecision(caseworker, cases.household(t.village()), false);
        ApplicationView v = cases.view(id);
        assertThat(v.delegated()).isTrue();
        assertThat(v.sampled()).isFalse(); // the county does not draw before a township decision
        assertThat(v.visitRequired()).isFalse();

        assertThatThrownBy(() -> cases.run(REVIEWER, () -> service.approve(id, new ApplicationInput.Approve(null))))
                .isInstanceOf(ForbiddenActionException.class).hasMessageContaining("application.townshipOnly");
        assertThatThrownBy(() -> cases.run(REVIEWER, () -> service.refuse(id, Cases.reason("不符合"))))
                .isInstanceOf(ForbiddenActionException.class).hasMessageContaining("application.townshipOnly");
        assertThatThrownBy(() -> cases.run(villageReviewer,
                () -> service.approve(id, new ApplicationInput.Approve(null))))
                .isInstanceOf(ForbiddenActionException.class).hasMessageContaining("application.townshipOnly");
        assertThatThrownBy(() -> cases.run(otherTownshipsReviewer,
                () -> service.approve(id, new ApplicationInput.Approve(null))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> cases.run(caseworker, () -> service.approve(id, new ApplicationInput.Approve(null))))
                .isInstanceOf(ForbiddenActionException.class).hasMessageContaining("application.role.REVIEWER");
        assertThat(cases.state(id)).isEqualTo(ApplicationState.AWAITING_DECISION);

        cases.run(townshipReviewer, () -> service.approve(id, new ApplicationInput.Approve(null)));
        v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.APPROVED);
        assertThat(v.decidedBy()).isEqualTo(townshipReviewer);
        assertThat(v.postCheckRequired()).isFalse(); // 0 % drawn, nothing flagged
        assertThat(cases.benefits(id)).isEqualTo(1);
        assertThatThrownBy(() -> cases.run(REVIEWER, () -> service.recordPostCheck(id, Cases.reason("抽查"))))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.wrongState");
    }

    /**
     * A 近亲属备案 case in a delegated township: the county visits before the township decides, and
     * the decision is always checked afterwards.
     */
    @Test
    void aNearRelativeCaseIsVisitedByTheCountyBeforeTheTownshipDecides() {
        Cases.Township t = cases.township(true, "0");
        String caseworker = fixtures.user(t.code(), Fixtures.DEMO_PASSWORD, "CASEWORKER");
        String townshipReviewer = fixtures.user(t.code(), Fixtures.DEMO_PASSWORD, "REVIEWER");

        long id = cases.awaitingDecision(caseworker, cases.household(t.village()), true);
        ApplicationView v = cases.view(id);
        assertThat(v.nearRelative()).isTrue();
        assertThat(v.sampled()).isTrue();
        assertThat(v.visitRequired()).isTrue();

        assertThatThrownBy(() -> cases.run(townshipReviewer,
                () -> service.approve(id, new ApplicationInput.Approve(null))))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.approve.visitMissing");
        // the mandatory visit is the county's
        assertThatThrownBy(() -> cases.run(townshipReviewer,
                () -> service.recordHomeVisit(id, Cases.visit(cases.today()))))
                .isInstanceOf(ForbiddenActionException.class).hasMessageContaining("application.countyOnly");
        cases.countyVisit(REVIEWER, id);
        cases.run(townshipReviewer, () -> service.approve(id, new ApplicationInput.Approve(null)));

        v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.APPROVED);
        assertThat(v.postCheckRequired()).isTrue();
        assertThat(v.postCheckDoneOn()).isNull();
        // the post-check is the county's too
        assertThatThrownBy(() -> cases.run(townshipReviewer, () -> service.recordPostCheck(id,
                Cases.reason("自查"))))
                .isInstanceOf(ForbiddenActionException.class).hasMessageContaining("application.countyOnly");
        cases.on(LocalDate.of(2026, 3, 20));
        cases.run(REVIEWER, () -> service.recordPostCheck(id, Cases.reason("核查无误")));
        assertThat(cases.view(id).postCheckDoneOn()).isEqualTo("2026-03-20");
        assertThatThrownBy(() -> cases.run(REVIEWER, () -> service.recordPostCheck(id, Cases.reason("再查"))))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.wrongState");
    }

    /**
     * Drawn for the post-check (sampling 100 %): after enrolment the county's home visit is the
     * post-check.
     */
    @Test
    void aDrawnDecisionIsCheckedByTheCountysVisitAfterEnrolment() {
        Cases.Township t = cases.township(true, "100");
        String caseworker = fixtures.user(t.code(), Fixtures.DEMO_PASSWORD, "CASEWORKER");
        String townshipReviewer = fixtures.user(t.code(), Fixtures.DEMO_PASSWORD, "REVIEWER");

        long id = cases.awaitingDecision(caseworker, cases.household(t.village()), false);
        assertThat(cases.view(id).visitRequired()).isFalse(); // drawn afterwards, not before
        cases.run(townshipReviewer, () -> service.approve(id, new ApplicationInput.Approve(null)));
        assertThat(cases.view(id).postCheckRequired()).isTrue();

        cases.run(caseworker, () -> service.deliverNotice(id, new ApplicationInput.Delivery(cases.today())));
        assertThat(cases.state(id)).isEqualTo(ApplicationState.ENROLLED);
        cases.on(LocalDate.of(2026, 4, 15));
        cases.countyVisit(REVIEWER, id);
        ApplicationView v = cases.view(id);
        assertThat(v.postCheckDoneOn()).isEqualTo("2026-04-15");
        assertThat(v.visitDoneOn()).isNull();
        assertThat(v.homeVisits()).extracting(ApplicationView.HomeVisit::kind).containsExactly("TOWNSHIP", "COUNTY");
    }
}
